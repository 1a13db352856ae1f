"""Python forms GENERATED from ui/*.ui by packaging/build_ui.py — do not edit.

Edit the .ui file in Qt Designer and run ``python packaging/build_ui.py``.
"""
