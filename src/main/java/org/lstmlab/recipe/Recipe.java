package org.lstmlab.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to remake an artifact: config, seed, feature parameters, class names, data fingerprint, versions.
 * An ordered, immutable map of JSON-friendly values (strings, numbers, booleans, lists, nested maps).
 * Every model, cache, report and export carries one.
 */
public final class Recipe {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Object> entries;

    private Recipe(Map<String, Object> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static Recipe empty() { return new Recipe(new LinkedHashMap<>()); }

    /** A recipe that starts with the software and machine versions. */
    public static Recipe withVersions() { return empty().with("versions", Versions.all()); }

    public Recipe with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(entries);
        m.put(key, value);
        return new Recipe(m);
    }

    public Object get(String key) { return entries.get(key); }

    public String getString(String key) {
        Object v = entries.get(key);
        return v == null ? null : String.valueOf(v);
    }

    public Map<String, Object> asMap() { return entries; }

    public String toJson() {
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recipe is not JSON-serialisable: " + e.getMessage(), e);
        }
    }

    public static Recipe fromJson(String json) {
        try {
            return new Recipe(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a recipe: " + e.getOriginalMessage(), e);
        }
    }

    @Override public boolean equals(Object o) { return o instanceof Recipe r && r.entries.equals(entries); }
    @Override public int hashCode() { return entries.hashCode(); }
    @Override public String toString() { return toJson(); }
}
