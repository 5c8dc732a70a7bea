package io.spyglass.app.command;

import io.spyglass.app.config.SpyglassConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spyglass tail}: prints a topic's records as JSON lines. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Prints the records of a topic as JSON lines, one per record, until Ctrl-C.")
public final class TailCommand extends ConfiguredCommand {
    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic to print, e.g. spyglass.enriched.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of new ones.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Exit after N records.")
    Long max;

    @Override
    public Integer call() {
        SpyglassConfig config = common.load();
        Map<String, Object> props = new HashMap<>(config.cluster().kafka());
        props.putIfAbsent("bootstrap.servers", "localhost:" + config.embedded().port());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "spyglass-tail-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        PrintWriter out = common.out();
        long printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                consumer.wakeup();
                try {
                    main.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            consumer.subscribe(List.of(topic));
            while (max == null || printed < max) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null) {
                        out.println(new String(r.value(), StandardCharsets.UTF_8));
                        printed++;
                    }
                }
                out.flush();
            }
        } catch (WakeupException e) {
            // Ctrl-C
        }
        out.flush();
        return 0;
    }
}
