"""The built-in question banks, one TOML file per role (see docs/bank-format.md)."""
