// Lists every file of each ZIP given, as Java's ZipInputStream reads it front to back (the way
// many Java tools, including evidence-management software, stream an upload): one JSON line
// per ZIP, {"zip": path, "files": {name: sha256}} or {"zip": path, "error": message}.
// Run with `java ZipList.java a.zip b.zip ...` (single-file source launch, no build step).
import java.io.*;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.*;
import java.util.zip.*;

public class ZipList {
    public static void main(String[] args) throws Exception {
        for (String path : args) {
            StringBuilder out = new StringBuilder("{\"zip\":").append(quote(path));
            try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(Paths.get(path))))) {
                TreeMap<String, String> files = new TreeMap<>();
                byte[] buf = new byte[65536];
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    long total = 0;
                    for (int n; (n = in.read(buf)) > 0; ) {
                        sha.update(buf, 0, n);
                        total += n;
                        if (total > (1L << 30)) throw new IOException("more than 1 GiB in " + e.getName());
                    }
                    String name = e.getName() + (e.isDirectory() ? "" : "");
                    if (files.containsKey(name)) name = name + "#duplicate";
                    files.put(name, hex(sha.digest()));
                }
                out.append(",\"files\":{");
                boolean first = true;
                for (Map.Entry<String, String> f : files.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    out.append(quote(f.getKey())).append(':').append(quote(f.getValue()));
                }
                out.append('}');
            } catch (Throwable t) {
                out.append(",\"error\":").append(quote(String.valueOf(t)));
            }
            System.out.println(out.append('}'));
        }
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) s.append(String.format("%02x", x));
        return s.toString();
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') q.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) q.append(String.format("\\u%04x", (int) c));
            else q.append(c);
        }
        return q.append('"').toString();
    }
}
