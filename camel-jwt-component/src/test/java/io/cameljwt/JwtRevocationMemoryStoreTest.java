package io.cameljwt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-memory revocation store on its own: it keeps every entry however many there are, until they are removed one
 * by one, all at once, or as the head below a key (the purge); stopping it forgets nothing.
 */
class JwtRevocationMemoryStoreTest {

    private final JwtRevocationMemoryStore store = new JwtRevocationMemoryStore();

    @Test
    void keepsEveryEntryWhateverTheirNumber() {
        for (int i = 0; i < 5_000; i++) { // five times the cacheSize of Camel's MemoryIdempotentRepository
            assertTrue(store.add(String.format("%013d:jti:%d", i, i)));
        }

        assertEquals(5_000, store.size());
        assertTrue(store.contains("0000000000000:jti:0"));
        assertFalse(store.add("0000000000000:jti:0"), "an entry is added once");
    }

    @Test
    void removeBeforeRemovesExactlyTheKeysThatSortBelowAndSaysHowMany() {
        store.add("0000000000100:jti:a");
        store.add("0000000000199:jti:b");
        store.add("0000000000200:jti:c");
        store.add("9999999999999:jws:d");

        assertEquals(2, store.removeBefore("0000000000200"));

        assertFalse(store.contains("0000000000199:jti:b"));
        assertTrue(store.contains("0000000000200:jti:c"));
        assertEquals(2, store.size());
        assertEquals(0, store.removeBefore("0000000000200"));
    }

    @Test
    void removeAndClearAndConfirmAsAnIdempotentRepository() {
        store.add("0000000000100:jti:a");
        store.add("0000000000100:jti:b");

        assertTrue(store.confirm("0000000000100:jti:a"));
        assertTrue(store.remove("0000000000100:jti:a"));
        assertFalse(store.remove("0000000000100:jti:a"));
        assertEquals(1, store.size());
        store.clear();
        assertEquals(0, store.size());
    }

    @Test
    void stoppingTheStoreForgetsNothing() {
        store.start();
        store.add("0000000000100:jti:a");

        store.stop();
        store.start();

        assertTrue(store.contains("0000000000100:jti:a"));
    }
}
