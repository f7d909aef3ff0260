package dev.nex.jakarta.impl.config;

/** Where page state lives ({@code nex.store}, SPEC 10.1). */
public enum StoreKind {
    /** This JVM's heap: the default. */
    MEMORY,
    /** A JSR-107 cache shared by the cluster (Payara's Hazelcast, or a provider the application brings). */
    JCACHE,
    /** An Infinispan cache of the server (WildFly). */
    INFINISPAN
}
