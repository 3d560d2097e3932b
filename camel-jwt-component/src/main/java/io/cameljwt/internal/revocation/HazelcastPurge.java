package io.cameljwt.internal.revocation;

import java.lang.reflect.Field;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import org.apache.camel.processor.idempotent.hazelcast.HazelcastIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The purge of camel-hazelcast's {@code HazelcastIdempotentRepository}: one {@code removeAll} on the cluster's map of
 * the entries whose key sorts below the first live key, run by whichever member purges. The repository does not
 * publish its map, so it is read from the repository's field {@code repo}, set when the repository starts; a Camel
 * version without that field makes every purge fail with a logged warning (RevocationHazelcastTest checks it is
 * there).
 */
final class HazelcastPurge implements ExpiredEntryPurge.Store {

    private final HazelcastIdempotentRepository repository;

    /** @param repository a {@code HazelcastIdempotentRepository}: the caller checked, without loading its classes */
    HazelcastPurge(IdempotentRepository repository) {
        this.repository = (HazelcastIdempotentRepository) repository;
    }

    @Override
    public void removeBefore(String key) {
        map().removeAll(Predicates.lessThan("__key", key));
    }

    @SuppressWarnings("unchecked")
    private IMap<String, Boolean> map() {
        try {
            Field repo = HazelcastIdempotentRepository.class.getDeclaredField("repo");
            repo.setAccessible(true);
            IMap<String, Boolean> map = (IMap<String, Boolean>) repo.get(repository);
            if (map == null) {
                throw new IllegalStateException("the repository is not started");
            }
            return map;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the map of this HazelcastIdempotentRepository cannot be reached", e);
        }
    }
}
