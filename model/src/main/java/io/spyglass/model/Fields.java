package io.spyglass.model;

/** The one null check of this module's records, so that each record lists its required fields on one line. */
final class Fields {
    private Fields() {
    }

    /**
     * Checks that none of the values is null.
     *
     * @param namesAndValues a field's name, then its value, for each required field
     * @throws NullPointerException naming the first field that is null
     */
    static void required(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new NullPointerException(namesAndValues[i] + " must not be null");
            }
        }
    }
}
