"""The `interviewer` command: one module per command group, registered in main.COMMANDS."""
