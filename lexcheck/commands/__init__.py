"""One module per `lexcheck` sub-command; `lexcheck.cli` assembles them."""
