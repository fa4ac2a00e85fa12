package io.sangdam.identity;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Centers {

    private static final String COLUMNS = "id, code, name, kind, time_zone";

    private final JdbcClient jdbc;

    Centers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Center> all() {
        return jdbc.sql("select " + COLUMNS + " from identity.center order by kind, code")
                .query(Centers::map)
                .list();
    }

    Optional<Center> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity.center where id = ?")
                .param(id)
                .query(Centers::map)
                .optional();
    }

    Optional<Center> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from identity.center where upper(code) = upper(?)")
                .param(code)
                .query(Centers::map)
                .optional();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from identity.center")
                        .query(Long.class)
                        .single()
                == 0;
    }

    long add(String code, String name, CenterKind kind, ZoneId timeZone) {
        return jdbc.sql("insert into identity.center (code, name, kind, time_zone) values (?, ?, ?, ?) returning id")
                .params(code, name, kind.name(), timeZone.getId())
                .query(Long.class)
                .single();
    }

    private static Center map(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new Center(
                row.getLong("id"),
                row.getString("code"),
                row.getString("name"),
                CenterKind.valueOf(row.getString("kind")),
                ZoneId.of(row.getString("time_zone")));
    }
}
