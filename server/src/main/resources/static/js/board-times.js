// Times on the live board, the wallboard and the all-centers view are the center's, not the browser's:
// a supervisor abroad, or a headquarters screen showing a center in another zone, sees the clock the
// center's floor sees. The zone comes from the server (the center's setting) as an IANA name.
(function () {
  var cache = {};
  function format(zone, withSeconds) {
    var lang = document.documentElement.lang || undefined;
    var key = lang + "|" + zone + "|" + withSeconds;
    if (!cache[key]) {
      var options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
      if (withSeconds) { options.second = "2-digit"; }
      if (zone) { options.timeZone = zone; }
      cache[key] = new Intl.DateTimeFormat(lang, options);
    }
    return cache[key];
  }
  window.centerTime = {
    // "14:05:09" for an instant (ISO text or Date) in the center's zone.
    time: function (instant, zone) { return format(zone, true).format(new Date(instant)); },
    // "14:05", for a clock in large type.
    minutes: function (instant, zone) { return format(zone, false).format(new Date(instant)); },
    // "3:07" for seconds; hours once it is an hour or more, so a long wait is not read as minutes.
    duration: function (seconds) {
      seconds = Math.max(0, Math.floor(seconds));
      var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
      return (h ? h + ":" + (m < 10 ? "0" : "") : "") + m + ":" + (s < 10 ? "0" : "") + s;
    }
  };
})();
