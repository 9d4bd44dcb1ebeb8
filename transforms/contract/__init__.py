"""The data contract: table columns read from warehouse/schema.sql, and the vocabularies.

Every stage builds its output frame from `columns(table)`; expectations/ checks values
against `vocabularies`. Neither repeats a column list or a value set by hand.
"""
