package io.sangdam.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads a server-sent event stream and hands each event (name, data) to a listener. */
final class Sse {

    interface Listener {
        /** Returns false to stop reading. */
        boolean on(String event, String data) throws Exception;
    }

    private Sse() {}

    static void read(InputStream body, Listener listener) throws Exception {
        try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        if (!listener.on(event, data.toString())) {
                            return;
                        }
                    }
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException closed) {
            // the stream ended: the server went away or the driver closed it
            throw closed;
        }
    }
}
