"""Integrations with other libraries, each behind its own extra; nothing here is
imported by ``import diplonlp``."""
