"""Until tests/conftest.py loads ``tests.services.fixtures`` as a plugin, bring its
fixtures in here (delete this file once it does)."""

from tests.services.fixtures import (  # noqa: F401
    dovecot,
    imap_account,
    smtp_server,
    smtp_starttls_server,
    smtp_tls_server,
    test_ca,
)
