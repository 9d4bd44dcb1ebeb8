"""Join the sampled CSVs with the hand labels into benchmarks/gold/claims_*.csv."""
import sys, polars as pl, duckdb
from pathlib import Path
G = Path('/tmp/claims-gold'); L = G / 'labels'; OUT = Path('/work/wt-claims/benchmarks/gold')
corpora = sys.argv[1:]

def labels(name):
    rows = {}
    for line in (L / name).read_text().splitlines():
        if line.strip():
            idx, rest = line.split(' ', 1) if '|' not in line else line.split('|', 1)
            rows[int(idx)] = rest
    return rows

rand = []
for c in corpora:
    d = pl.read_csv(G / f'random_{c}.csv')
    lab = labels(f'random_{c}.txt')
    assert len(lab) == d.height, (c, len(lab), d.height)
    for i, r in enumerate(d.iter_rows(named=True)):
        parts = lab[i].split('|') + ['']
        is_claim, value_right, subj, note, gold = parts[:5]
        gold_value = r['value'] if value_right == '1' else (float(gold) if gold else None)
        rand.append({'corpus': c, 'path': r['path'], 'sentence': r['sentence'], 'quote': r['quote'],
                     'occurrence': r['occurrence'], 'kind_before': r['kind'], 'value_before': r['value'],
                     'subject_before': r['subject'], 'is_claim': int(is_claim), 'value_right': int(value_right),
                     'subject_gold': subj, 'gold_value': gold_value, 'note': note})
pl.DataFrame(rand).write_csv(OUT / 'claims_random.csv')

sets = []
for c in corpora:
    for source in ('groups', 'figures', 'conflicts'):
        f = G / f'{source}_{c}.csv'
        if not f.exists() or not (L / f'{source}_{c}.txt').exists():
            continue
        d = pl.read_csv(f)
        lab = labels(f'{source}_{c}.txt')
        assert len(lab) == d.height, (c, source, len(lab), d.height)
        for i, r in enumerate(d.iter_rows(named=True)):
            label, _, note = lab[i].partition(' ')
            label, _, gold = label.partition('=')
            gold_value = float(gold) if gold else (None if label == '-' else r['value'])
            sets.append({'set': r['set'], 'source': source[:-1], 'corpus': c, 'path': r['path'],
                         'sentence': r['sentence'], 'quote': r['quote'], 'occurrence': r['occurrence'],
                         'value_before': r['value'], 'gold_value': gold_value, 'label': label, 'note': note})
if 'seeds' in corpora:
    con = duckdb.connect('/tmp/claims-wh/seeds/newsclaims.duckdb', read_only=True)
    for line in (G / 'hand_seeds.txt').read_text().splitlines():
        sid, prefix, quote, occ, label, note = line.split('|')
        rows = con.execute("""select a.path, s.text, c.value, c.start_char - s.start_char from numeric_claims c
            join articles a using (article_id) join sentences s using (sentence_id)
            where c.quote = ? and a.path like ? order by c.start_char""", [quote, f'%seeds/{prefix}%']).fetchall()
        assert rows, (prefix, quote)
        path, text, value, at = rows[int(occ)]
        sets.append({'set': sid, 'source': 'hand', 'corpus': 'seeds', 'path': 'seeds/' + path.split('seeds/')[-1],
                     'sentence': text, 'quote': quote, 'occurrence': text[:at].count(quote),
                     'value_before': value, 'gold_value': value, 'label': label, 'note': note})
pl.DataFrame(sets).write_csv(OUT / 'claims_sets.csv')

real = []
for c in corpora:
    f = L / f'conflicts_{c}_real.txt'
    if f.exists():
        for line in f.read_text().splitlines():
            sid, flag, note = line.split(' ', 2)
            real.append({'set': sid, 'real': int(flag), 'note': note})
f = L / 'real_extra.txt'
if f.exists():
    for line in f.read_text().splitlines():
        sid, flag, note = line.split(' ', 2)
        real.append({'set': sid, 'real': int(flag), 'note': note})
pl.DataFrame(real).write_csv(OUT / 'claims_real.csv')
print(len(rand), len(sets), len(real))
