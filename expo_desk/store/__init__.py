"""The only place that speaks SQL: schema, migrations, queries, backups."""
