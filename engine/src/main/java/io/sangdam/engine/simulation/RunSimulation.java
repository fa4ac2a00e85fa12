package io.sangdam.engine.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command line: runs a scenario file and prints the report table.
 *
 * <pre>
 * java -cp engine/target/classes io.sangdam.engine.simulation.RunSimulation scenario.json [--seed N]
 * </pre>
 *
 * A name that is not a file is looked up among the bundled scenarios ({@code small-center.json}).
 */
public final class RunSimulation {
    private RunSimulation() {}

    public static void main(String[] arguments) throws IOException {
        if (arguments.length == 0) {
            System.err.println("usage: RunSimulation <scenario.json> [--seed N]");
            System.exit(2);
        }
        String json = load(arguments[0]);
        ScenarioReader.ScenarioFile file = ScenarioReader.read(json);
        Scenario scenario = file.scenario();
        for (int i = 1; i + 1 < arguments.length; i += 2) {
            if (arguments[i].equals("--seed")) {
                scenario = new Scenario(
                        scenario.start(),
                        scenario.interval(),
                        scenario.intervals(),
                        Long.parseLong(arguments[i + 1]),
                        scenario.shortAbandon(),
                        scenario.routing(),
                        scenario.demand(),
                        scenario.staffing());
            }
        }
        long began = System.nanoTime();
        SimulationReport report = Simulation.run(scenario);
        long took = System.nanoTime() - began;
        System.out.print(report.table(file.zone()));
        System.out.printf(
                "seed %d, %d routing decisions, simulated in %.2f s%n",
                scenario.seed(), report.decisions(), took / 1e9);
    }

    private static String load(String name) throws IOException {
        Path path = Path.of(name);
        if (Files.exists(path)) {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        try (InputStream bundled = RunSimulation.class.getResourceAsStream("/scenarios/" + name)) {
            if (bundled == null) {
                throw new IOException("no file and no bundled scenario named " + name);
            }
            return new String(bundled.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
