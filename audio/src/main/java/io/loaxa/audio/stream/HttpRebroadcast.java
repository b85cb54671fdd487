package io.loaxa.audio.stream;

import io.loaxa.audio.AudioDecoder;
import io.loaxa.audio.AudioException;
import io.loaxa.audio.Gap;
import io.loaxa.audio.LiveBuffer;
import io.loaxa.audio.PcmFormat;
import io.loaxa.audio.PcmSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live MP3 stream aired for exactly {@code length}. {@link #connect} starts fetching at once and
 * returns when {@link Settings#prebuffer} of audio is in hand, so the airing can start on its
 * second; until the first read it keeps only the latest prebuffer (the relay stays live). While
 * airing, a stream that stalls or drops is fetched again; the airing goes on with silence meanwhile
 * and each such stretch is reported in {@link #dropouts()}. Reads never block: the output line paces
 * the airing. One background thread per rebroadcast fetches and decodes.
 */
public final class HttpRebroadcast implements PcmSource {
  private static final Logger LOG = LoggerFactory.getLogger(HttpRebroadcast.class);

  /**
   * @param prebuffer audio held before the first read and again before resuming after a drop
   * @param maxBuffer most audio held while airing; a faster-than-live server is slowed to this
   * @param connectTimeout how long {@link #connect} waits for the prebuffer
   * @param stallTimeout no bytes for this long counts as a drop
   * @param retryPause wait between reconnection attempts
   */
  public record Settings(Duration prebuffer, Duration maxBuffer, Duration connectTimeout, Duration stallTimeout,
      Duration retryPause) {
    // the sound card keeps about a second queued: three seconds in hand leave two for the network
    public static final Settings DEFAULT = new Settings(Duration.ofSeconds(3), Duration.ofSeconds(10),
        Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMillis(500));
  }

  private final URI url;
  private final AudioDecoder decoder;
  private final PcmFormat format;
  private final Settings settings;
  private final HttpClient http;
  private final LiveBuffer buffer;
  private final Thread fetcher;
  private long bytesReceived;

  private HttpRebroadcast(URI url, Duration length, AudioDecoder decoder, PcmFormat format, Settings settings,
      HttpClient http) {
    this.url = url;
    this.decoder = decoder;
    this.format = format;
    this.settings = settings;
    this.http = http;
    this.buffer = new LiveBuffer(format, settings.prebuffer(), settings.maxBuffer(), length, "stream lost");
    this.fetcher = new Thread(this::fetchLoop, "rebroadcast " + url.getHost());
    fetcher.setDaemon(true);
  }

  /**
   * Starts fetching {@code url} and waits until the prebuffer is full.
   *
   * @throws AudioException when the stream cannot be had (refused, not MP3, silent server) within
   *     the connect timeout, saying what went wrong
   */
  public static HttpRebroadcast connect(URI url, Duration length, AudioDecoder decoder, PcmFormat format,
      Settings settings) throws AudioException {
    return open(url, length, decoder, format, settings, true);
  }

  /**
   * Starts fetching {@code url} and returns once the first audio has arrived; the prebuffer goes on
   * filling (during the amplifier's warm-up) and a read before it is full airs silence, reported.
   *
   * @throws AudioException as {@link #connect} does
   */
  public static HttpRebroadcast start(URI url, Duration length, AudioDecoder decoder, PcmFormat format,
      Settings settings) throws AudioException {
    return open(url, length, decoder, format, settings, false);
  }

  private static HttpRebroadcast open(URI url, Duration length, AudioDecoder decoder, PcmFormat format,
      Settings settings, boolean full) throws AudioException {
    if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
      throw new AudioException("rebroadcast address must be http or https: " + url);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRebroadcast stream = new HttpRebroadcast(url, length, decoder, format, settings, http);
    stream.fetcher.start();
    try {
      boolean ready = full ? stream.buffer.awaitPrebuffer(settings.connectTimeout())
          : stream.buffer.awaitFirstAudio(settings.connectTimeout());
      if (!ready) {
        String why = stream.buffer.lastProblem();
        stream.close();
        throw new AudioException("rebroadcast " + url + " not ready within " + settings.connectTimeout().toSeconds()
            + " s: " + (why.isEmpty() ? "no audio arrived" : why));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stream.close();
      throw new AudioException("interrupted while connecting to " + url, e);
    }
    return stream;
  }

  @Override
  public PcmFormat format() {
    return format;
  }

  /** Bytes of the stream received so far, over every connection. */
  public synchronized long bytesReceived() {
    return bytesReceived;
  }

  private synchronized void countBytes(int n) {
    bytesReceived += n;
  }

  @Override
  public int read(float[] target, int frames) {
    return buffer.read(target, frames);
  }

  @Override
  public List<Gap> dropouts() {
    return buffer.dropouts();
  }

  private void fetchLoop() {
    boolean lost = false;
    while (!buffer.done()) {
      try {
        fetchOnce();
        if (!buffer.done()) {
          buffer.problem("the server ended the stream");
        }
      } catch (AudioException | IOException e) {
        buffer.problem(e.getMessage());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        buffer.problem(e.toString());
      }
      if (buffer.done()) {
        return;
      }
      if (!lost) {
        LOG.warn("rebroadcast {} lost ({}); reconnecting", url, buffer.lastProblem());
        lost = true;
      }
      try {
        buffer.idle(settings.retryPause());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void fetchOnce() throws IOException, InterruptedException, AudioException {
    HttpRequest request = HttpRequest.newBuilder(url).header("User-Agent", "loaxa").GET().build();
    ByteQueue body = new ByteQueue(settings.stallTimeout());
    HttpResponse<ByteQueue> response;
    try {
      // the body subscriber hands itself out at once, so a never-ending stream can be read live
      response = http.sendAsync(request, info -> body)
          .get(settings.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("cannot connect: " + e.getCause().getMessage(), e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IOException("no answer within " + settings.connectTimeout().toSeconds() + " s", e);
    }
    if (response.statusCode() != 200) {
      body.close();
      throw new IOException("HTTP " + response.statusCode());
    }
    try (PcmSource decoded = decoder.stream(body, url.toString()).convertedTo(format)) {
      int channels = format.channels();
      float[] chunk = new float[format.sampleRate() / 20 * channels];
      int got;
      while (!buffer.done() && (got = decoded.read(chunk, chunk.length / channels)) >= 0) {
        buffer.push(chunk, got);
      }
    } finally {
      body.close();
    }
  }

  @Override
  public void close() {
    buffer.close();
    fetcher.interrupt();
  }

  /**
   * The response body as an input stream fed by the HTTP client one buffer at a time; a read
   * that waits longer than the stall timeout fails, so a silent server counts as a drop.
   */
  private final class ByteQueue extends InputStream implements HttpResponse.BodySubscriber<ByteQueue> {
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Duration stall;
    private volatile Flow.Subscription subscription;
    private ByteBuffer current;
    private boolean ended;

    ByteQueue(Duration stall) {
      this.stall = stall;
    }

    @Override
    public java.util.concurrent.CompletionStage<ByteQueue> getBody() {
      return java.util.concurrent.CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      queue.add(buffers);
    }

    @Override
    public void onError(Throwable t) {
      queue.add(t);
    }

    @Override
    public void onComplete() {
      queue.add(Boolean.TRUE);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (current == null || !current.hasRemaining()) {
        if (ended || buffer.done()) {
          return -1;
        }
        Object next;
        try {
          next = queue.poll(stall.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("rebroadcast closed");
        }
        if (next == null) {
          throw new IOException("the stream stalled: no data for " + stall.toMillis() + " ms");
        }
        if (next instanceof Throwable t) {
          throw new IOException("the connection broke: " + t.getMessage(), t);
        }
        if (next instanceof Boolean) {
          ended = true;
          return -1;
        }
        @SuppressWarnings("unchecked")
        List<ByteBuffer> buffers = (List<ByteBuffer>) next;
        int size = 0;
        for (ByteBuffer buffer : buffers) {
          size += buffer.remaining();
        }
        ByteBuffer joined = ByteBuffer.allocate(size);
        for (ByteBuffer buffer : buffers) {
          joined.put(buffer);
        }
        joined.flip();
        current = joined;
        countBytes(size);
        subscription.request(1);
      }
      int n = Math.min(len, current.remaining());
      current.get(b, off, n);
      return n;
    }

    @Override
    public void close() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }

}
