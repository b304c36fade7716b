"""The volunteer area (``/benevoles/``): sign-in, dashboard, account, administration.

``views.bp`` is the blueprint; ``admin`` adds the administration routes to it.
"""
