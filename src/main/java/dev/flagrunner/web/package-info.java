/**
 * The HTTP edge: the problem catalogue and every path to a problem body (exception handler, error controller,
 * Tomcat's report valve), connection deadlines, allowed host names, strict requests and JSON, body limits,
 * paging and the OpenAPI problems. It is the only package that writes {@code application/problem+json}
 * (docs/architecture.md §1, §6); it knows no feature, only {@code config}.
 */
package dev.flagrunner.web;
