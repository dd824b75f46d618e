/**
 * Who the caller is and what it may do, with Spring Security: bearer tokens and their roles, the generated token
 * file, open mode, and the 401 and 403 written through {@code web}'s catalogue. Features ask it through
 * {@code Caller}; it knows none of them, only {@code config}, and {@code web} in {@code SecurityProblems} alone.
 */
package dev.flagrunner.security;
