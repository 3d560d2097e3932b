package io.cameljwt.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchmarkMainTest {

    @Test
    void eachPassPutsAnotherVariantFirst() {
        List<String> variants = List.of("camel-jwt", "jose4j", "auth0", "jca-floor");

        assertEquals(variants, BenchmarkMain.rotated(variants, 0));
        assertEquals(List.of("jose4j", "auth0", "jca-floor", "camel-jwt"), BenchmarkMain.rotated(variants, 1));
        assertEquals(List.of("jca-floor", "camel-jwt", "jose4j", "auth0"), BenchmarkMain.rotated(variants, 3));
        assertEquals(variants, BenchmarkMain.rotated(variants, 4));
        assertEquals(List.of("base64-jackson", "camel-jwt"),
                BenchmarkMain.rotated(List.of("camel-jwt", "base64-jackson"), 5));
        assertEquals(List.of(), BenchmarkMain.rotated(List.of(), 2));
    }
}
