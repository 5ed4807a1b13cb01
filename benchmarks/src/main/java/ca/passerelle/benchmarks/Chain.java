package ca.passerelle.benchmarks;

import java.util.List;

/** A relay chain under test: the ingress writes to the first topic, the end of chain reads the last. */
interface Chain extends AutoCloseable {

    /** The topics, first to last; created before {@link #start()}. */
    List<String> topics();

    void start() throws Exception;

    ChainCodec codec();

    @Override
    void close();
}
