package io.spyglass.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name (or an IP literal) into the addresses the fetcher may connect to; the system's DNS by default. */
@FunctionalInterface
public interface HostResolver {
    /**
     * The addresses of {@code host}, never empty.
     *
     * @throws UnknownHostException if it does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}), with its address cache. */
    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
