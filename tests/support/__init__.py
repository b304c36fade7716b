"""Test helpers and fixtures beside the capability they make things for: ``core`` (an app,
a clock, a page's form and text, buildings), then one module per capability, and ``world``
(one of everything, for the access table). ``conftest.py`` registers the fixtures' modules
(``pytest_plugins``) and hands the helpers on, so that a test imports them from ``conftest``
as before."""
