package io.sangdam.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default database keeps its data in a folder: what was written is there after a restart. It
 * runs with the server settings it is given.
 */
class EmbeddedDatabaseRestartTests {

    @TempDir
    Path folder;

    @Test
    void dataSurvivesARestartAndMigrationsRunOnceWithTheGivenSettings() throws Exception {
        long migrationsAfterFirstStart;
        var properties = new EmbeddedDatabaseProperties(
                false, folder.resolve("postgres"), freePort(), "sangdam", 4, java.util.Map.of("work_mem", "7MB"));
        var configuration = new EmbeddedDatabaseConfiguration();
        StartingDatabase first = StartingDatabase.begin(properties);

        try (var dataSource =
                (HikariDataSource) configuration.dataSource(configuration.embeddedPostgres(first), properties)) {
            ModuleMigrations.migrate(dataSource);
            var jdbc = JdbcClient.create(dataSource);
            jdbc.sql("insert into identity.center (code, name, kind, time_zone) values ('T1', '재시작 센터',"
                            + " 'PARTNER', 'Asia/Seoul')")
                    .update();
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show work_mem").query(String.class).single()).isEqualTo("7MB");
            migrationsAfterFirstStart = migrations(jdbc);
        } finally {
            first.destroy();
        }

        StartingDatabase second = StartingDatabase.begin(properties);

        try (var dataSource =
                (HikariDataSource) configuration.dataSource(configuration.embeddedPostgres(second), properties)) {
            ModuleMigrations.migrate(dataSource);
            var jdbc = JdbcClient.create(dataSource);
            assertThat(jdbc.sql("select name from identity.center where code = 'T1'")
                            .query(String.class)
                            .single())
                    .isEqualTo("재시작 센터");
            assertThat(migrations(jdbc)).isEqualTo(migrationsAfterFirstStart);
        } finally {
            second.destroy();
        }
    }

    private static long migrations(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from identity.flyway_schema_history")
                .query(Long.class)
                .single();
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
