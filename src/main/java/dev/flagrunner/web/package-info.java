/**
 * The HTTP edge: the problem catalogue and every path to a problem body (exception handler, error controller,
 * Tomcat's report valve), connection deadlines, allowed host names, strict requests and JSON, body limits,
 * a page's {@code Link} header ({@code PageResponses}) and the OpenAPI problems. It is the only package that writes
 * {@code application/problem+json} and the outer edge: it maps the features' refusals ({@code refusal},
 * {@code paging}) to problems, and only controllers and security's 401/403 writer know it (docs/architecture.md
 * §1, §6). It knows no feature, only {@code config}, {@code refusal} and {@code paging}.
 */
package dev.flagrunner.web;
