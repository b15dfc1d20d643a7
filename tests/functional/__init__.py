"""The functional suite: cases generated from templates crossed with target groups."""
