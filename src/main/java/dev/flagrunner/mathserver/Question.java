package dev.flagrunner.mathserver;

/** A question the server asks: the payload after the question keyword, and the exact answer message body. */
record Question(String payload, String expectedAnswer) {}
