package io.cameljwt.internal.revocation;

import java.util.Set;

/**
 * Tells Camel's repositories apart by class name, subclasses included: their artifacts (camel-sql, camel-hazelcast,
 * camel-kafka) are optional, so this package cannot name their classes in code.
 */
final class StoreClasses {

    private StoreClasses() {
    }

    /** The first class of {@code object}'s hierarchy, its own class first, whose name is one of {@code names}; or null. */
    static Class<?> firstNamed(Object object, Set<String> names) {
        for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
            if (names.contains(type.getName())) {
                return type;
            }
        }
        return null;
    }
}
