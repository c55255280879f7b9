/**
 * One read of a value that changes (agencies' change version), shared by the callers that ask for it while it waits
 * to be sent: a caller that asks while a read is already on its way joins the next one, which is sent as soon as
 * that read is answered. So every caller gets a value read after it asked, exactly as current as a read of its own,
 * while concurrent callers make one read between them instead of one each.
 *
 * The next read goes with the first waiting caller's own `read` (its identity); if it is refused for that caller
 * (`refusedToCaller`), every other caller reads again on its own, so one caller's refusal is never another's. Any
 * other failure (the other subgraph down or slow) is everyone's, and reading again would only add to the wait.
 */
export class SharedFreshRead<T> {
  private inFlight: Promise<T> | null = null;
  private next: { promise: Promise<T>; read: () => Promise<T> } | null = null;

  constructor(private readonly refusedToCaller: (error: unknown) => boolean) {}

  async read(read: () => Promise<T>): Promise<T> {
    if (!this.inFlight) return this.send(read);
    if (!this.next) {
      const previous = this.inFlight;
      const next = {
        read,
        promise: previous.then(
          () => this.sendNext(),
          () => this.sendNext(),
        ),
      };
      this.next = next;
    }
    const joined = this.next;
    if (joined.read === read) return joined.promise;
    try {
      return await joined.promise;
    } catch (error) {
      if (!this.refusedToCaller(error)) throw error;
      return read();
    }
  }

  private sendNext(): Promise<T> {
    const { read } = this.next!;
    this.next = null;
    return this.send(read);
  }

  private send(read: () => Promise<T>): Promise<T> {
    const sent = read();
    this.inFlight = sent;
    const done = () => {
      if (this.inFlight === sent) this.inFlight = null;
    };
    sent.then(done, done);
    return sent;
  }
}
