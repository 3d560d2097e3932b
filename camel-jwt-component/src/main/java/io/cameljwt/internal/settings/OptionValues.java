package io.cameljwt.internal.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads option values that hold lists.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** The trimmed, non-empty items of a comma list; empty for null. */
    public static List<String> commaList(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                String trimmed = item.trim();
                if (!trimmed.isEmpty()) {
                    items.add(trimmed);
                }
            }
        }
        return items;
    }
}
