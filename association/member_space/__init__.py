"""The member space (``/membre/``): everything held about a member, to see, export and erase."""
