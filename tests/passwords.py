"""Passwords every form that sets one refuses, with the start of the reason in English and in
Swedish (Django's own messages): sign-up, reset and change share the same rules."""

WEAK_PASSWORDS = [
    ("kort", "This password is too short.", "Det här lösenordet är för kort."),
    ("password123", "This password is too common.", "Detta lösenord är alldeles för vanligt."),
    ("4815162342917", "entirely numeric.", "Detta lösenord är enbart numeriskt."),
    ("ada@example.org!", "The password is too similar to the", "Ditt lösenord är alltför likt"),
]
