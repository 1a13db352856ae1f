"""The Requests area: the inbox, import, the approval wizard and rejection."""
