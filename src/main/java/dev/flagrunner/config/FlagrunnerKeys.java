package dev.flagrunner.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Every {@code flagrunner.*} key, read off {@link FlagrunnerProperties}' record components (our own types, never
 * input), so the list cannot drift from what binds; a map's entry name is {@code *}
 * ({@code flagrunner.targets.*.host}). The key nearest to a misspelt one is found by edit distance.
 */
final class FlagrunnerKeys {

    static final String PREFIX = "flagrunner";
    /** Bound only to fail with a message of its own: never a suggestion. */
    private static final int MAX_EDITS = 3;

    private static final Set<String> RETIRED = Set.of("flagrunner.allowed-hosts");

    private static final List<String> ALL = List.copyOf(collect(PREFIX, FlagrunnerProperties.class, new ArrayList<>()));

    private FlagrunnerKeys() {}

    static List<String> all() {
        return ALL;
    }

    /**
     * The valid key nearest to {@code key} (a map's {@code *} taking the name {@code key} has there), if one is
     * near enough to be what was meant: at most {@value #MAX_EDITS} characters inserted, deleted or replaced (a
     * typo, a missing plural, {@code _} for {@code -}; beyond that a suggestion is a guess).
     */
    static Optional<String> nearest(String key) {
        int allowed = MAX_EDITS;
        return ALL.stream()
                .map(candidate -> instantiate(candidate, key))
                .filter(candidate -> !candidate.equals(key))
                .min(Comparator.comparingInt((String candidate) -> distance(candidate, key))
                        .thenComparing(Comparator.naturalOrder()))
                .filter(candidate -> distance(candidate, key) <= allowed);
    }

    /** The keys that share the longest valid prefix of {@code key}, e.g. every key under flagrunner.session. */
    static List<String> siblings(String key) {
        String prefix = key;
        while (prefix.contains(".")) {
            prefix = prefix.substring(0, prefix.lastIndexOf('.'));
            String under = prefix + ".";
            List<String> keys = ALL.stream()
                    .map(candidate -> instantiate(candidate, key))
                    .filter(candidate -> candidate.startsWith(under))
                    .toList();
            if (!keys.isEmpty()) {
                return keys;
            }
        }
        return ALL;
    }

    /** The candidate with each {@code *} replaced by the segment {@code key} has at that place. */
    private static String instantiate(String candidate, String key) {
        if (!candidate.contains("*")) {
            return candidate;
        }
        String[] pattern = candidate.split("\\.");
        String[] actual = key.split("\\.");
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].equals("*") && i < actual.length) {
                pattern[i] = actual[i];
            }
        }
        return String.join(".", pattern);
    }

    private static List<String> collect(String prefix, Class<?> type, List<String> keys) {
        RecordComponent[] components = type.getRecordComponents();
        Parameter[] parameters = canonicalConstructor(type, components).getParameters();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String key = prefix + "." + name(component, parameters[i]);
            if (RETIRED.contains(key)) {
                continue;
            }
            Class<?> raw = component.getType();
            if (raw.isRecord()) {
                collect(key, raw, keys);
            } else if (Map.class.isAssignableFrom(raw) && valueType(component.getGenericType()) instanceof Class<?> v) {
                if (v.isRecord()) {
                    collect(key + ".*", v, keys);
                } else {
                    keys.add(key + ".*");
                }
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Type valueType(Type map) {
        return map instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
    }

    private static Constructor<?> canonicalConstructor(Class<?> type, RecordComponent[] components) {
        try {
            return type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record without its canonical constructor: " + type, e);
        }
    }

    /**
     * The key's segment: the {@link Name} given (on the constructor's parameter, where the annotation goes), else
     * the component's name in kebab case.
     */
    private static String name(RecordComponent component, Parameter parameter) {
        Name given = parameter.getAnnotation(Name.class);
        if (given != null) {
            return given.value();
        }
        StringBuilder kebab = new StringBuilder();
        for (char c : component.getName().toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
