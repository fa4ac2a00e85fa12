package io.sangdam.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the HTTP mapper writes: numbers or null, never the strings "Infinity" or "NaN" (issue 15, finding 8). */
class CheckedJsonTests {

    record Measures(double erlangs, Double asa, double occupancy) {}

    @Test
    void nonFiniteNumbersAreWrittenAsNullNotAsStrings() {
        JsonMapper checked = CheckedJson.checked(JsonMapper.builder().build());
        String written = checked.writeValueAsString(new Measures(Double.POSITIVE_INFINITY, Double.NaN, 0.85));
        assertThat(written).isEqualTo("{\"erlangs\":null,\"asa\":null,\"occupancy\":0.85}");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("load", Double.NEGATIVE_INFINITY);
        assertThat(checked.writeValueAsString(map)).isEqualTo("{\"load\":null}");
    }

    @Test
    void theApplicationsOwnMapperIsLeftAsItWas() {
        JsonMapper application = JsonMapper.builder().build();
        CheckedJson.checked(application);
        assertThat(application.readValue("[\"a\\u0000\", null]", java.util.List.class))
                .hasSize(2);
    }
}
