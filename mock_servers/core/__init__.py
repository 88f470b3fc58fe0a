"""Building blocks shared by both mock servers; nothing in here knows about a specific API."""
