// The desk's one connection to the server: named server-sent events, each handed its parsed data.
// EventSource reconnects by itself; the server then tells the state and open chats again, which
// the handlers take as already known.

/** Connects and calls handlers[eventName](data) for each event; returns the EventSource. */
export function connect(path, handlers) {
  const stream = new EventSource(path);
  Object.keys(handlers).forEach((name) => {
    stream.addEventListener(name, (event) => handlers[name](JSON.parse(event.data)));
  });
  return stream;
}
