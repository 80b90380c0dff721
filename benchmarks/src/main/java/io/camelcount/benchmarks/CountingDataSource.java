package io.camelcount.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * A data source that counts the database round trips made through it: each statement executed (every
 * {@code execute*} of a statement its connections create) and each commit or rollback. Opening a connection is not
 * counted, as a pool would keep it open.
 */
final class CountingDataSource {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> ENDINGS = Set.of("commit", "rollback");

    private final AtomicLong roundTrips = new AtomicLong();
    private final DataSource dataSource;

    CountingDataSource(DataSource database) {
        dataSource = proxy(DataSource.class, database, (method, result) ->
                result instanceof Connection connection ? proxy(Connection.class, connection, this::counted) : result);
    }

    /** The data source to give the component. */
    DataSource dataSource() {
        return dataSource;
    }

    long roundTrips() {
        return roundTrips.get();
    }

    private Object counted(Method method, Object result) {
        if (ENDINGS.contains(method.getName())) {
            roundTrips.incrementAndGet();
        }
        return result instanceof Statement statement ? proxy(Statement.class, statement, this::executed) : result;
    }

    private Object executed(Method method, Object result) {
        if (EXECUTIONS.contains(method.getName())) {
            roundTrips.incrementAndGet();
        }
        return result;
    }

    /** {@code target} behind every interface it implements, each call's result passed through {@code after}. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (self, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
                interfaces(target.getClass(), type), handler);
    }

    /** Every public interface of the class, so that a PreparedStatement stays one (callers cast to it). */
    private static Class<?>[] interfaces(Class<?> implementation, Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        all.add(type);
        for (Class<?> c = implementation; c != null; c = c.getSuperclass()) {
            Arrays.stream(c.getInterfaces()).filter(i -> Modifier.isPublic(i.getModifiers())).forEach(all::add);
        }
        return all.toArray(Class<?>[]::new);
    }

    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object result) throws Throwable;
    }
}
