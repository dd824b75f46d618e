package dev.flagrunner.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter names of a query string, as written (the API's names are plain ASCII, so a name is never
 * percent-decoded: {@code %73tatus} is not {@code status}), and how a caller's name is shown in a problem.
 */
final class QueryNames {

    private QueryNames() {}

    /** Every name in the order given, repeated ones as often as they occur; empty names left out. */
    static List<String> of(String query) {
        List<String> names = new ArrayList<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.split("=", 2)[0];
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** A caller's name fit to show in a problem: characters a parameter name never holds become '?'. */
    static String shown(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "?");
    }
}
