<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiJson</name>
    <message>
        <source>is required</source>
        <translation>is required</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>must be between %1 and %2</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>must be a number</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>must be text</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>is longer than %1 characters</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <source>must be a time in ISO 8601 with an offset</source>
        <translation>must be a time in ISO 8601 with an offset</translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD</source>
        <translation>must be a date YYYY-MM-DD</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot;</source>
        <translation>unknown state &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown answer kind &quot;%1&quot;</source>
        <translation>unknown answer kind &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>CacheError</name>
    <message>
        <source>The file %1 is not a RegionDesk cache (it is not an SQLite database). Move it away or choose another cache location; RegionDesk will not overwrite it.</source>
        <translation>The file %1 is not a RegionDesk cache (it is not an SQLite database). Move it away or choose another cache location; RegionDesk will not overwrite it.</translation>
    </message>
    <message>
        <source>The local cache %1 is damaged. RegionDesk can set it aside as a backup and download your complaints again; unsent drafts and actions are carried over where they can still be read.</source>
        <translation>The local cache %1 is damaged. RegionDesk can set it aside as a backup and download your complaints again; unsent drafts and actions are carried over where they can still be read.</translation>
    </message>
    <message>
        <source>There is no space left for the local cache %1. Free some disk space and try again; nothing was lost, the last change was not saved.</source>
        <translation>There is no space left for the local cache %1. Free some disk space and try again; nothing was lost, the last change was not saved.</translation>
    </message>
    <message>
        <source>The local cache %1 cannot be written: the file or its folder is read-only. Ask your administrator for write access, or choose another cache location.</source>
        <translation>The local cache %1 cannot be written: the file or its folder is read-only. Ask your administrator for write access, or choose another cache location.</translation>
    </message>
    <message>
        <source>The local cache %1 is locked by another program. Close other copies of RegionDesk and try again.</source>
        <translation>The local cache %1 is locked by another program. Close other copies of RegionDesk and try again.</translation>
    </message>
    <message>
        <source>The local cache %1 cannot be opened. Check that its folder exists and that you may write there, or choose another cache location.</source>
        <translation>The local cache %1 cannot be opened. Check that its folder exists and that you may write there, or choose another cache location.</translation>
    </message>
    <message>
        <source>Reading or writing the local cache %1 failed (input/output error). Check the disk; if it keeps failing, choose another cache location.</source>
        <translation>Reading or writing the local cache %1 failed (input/output error). Check the disk; if it keeps failing, choose another cache location.</translation>
    </message>
    <message>
        <source>The local cache %1 reported an error: %2</source>
        <translation>The local cache %1 reported an error: %2</translation>
    </message>
    <message>
        <source>The cache location %1 is a folder, not a file. Choose a file name for the cache.</source>
        <translation>The cache location %1 is a folder, not a file. Choose a file name for the cache.</translation>
    </message>
    <message>
        <source>The folder %1 for the local cache does not exist and cannot be created. Check the path and your permissions, or choose another cache location.</source>
        <translation>The folder %1 for the local cache does not exist and cannot be created. Check the path and your permissions, or choose another cache location.</translation>
    </message>
    <message>
        <source>The file %1 is an SQLite database of another program, not a RegionDesk cache. Choose another cache location; RegionDesk will not change it.</source>
        <translation>The file %1 is an SQLite database of another program, not a RegionDesk cache. Choose another cache location; RegionDesk will not change it.</translation>
    </message>
    <message>
        <source>The local cache %1 was written by a newer version of RegionDesk (format %2; this version reads up to %3). Install the newer version, or choose another cache location. The file was not changed.</source>
        <translation>The local cache %1 was written by a newer version of RegionDesk (format %2; this version reads up to %3). Install the newer version, or choose another cache location. The file was not changed.</translation>
    </message>
    <message>
        <source>The local cache %1 cannot be written: the file is read-only. Ask your administrator for write access, or choose another cache location.</source>
        <translation>The local cache %1 cannot be written: the file is read-only. Ask your administrator for write access, or choose another cache location.</translation>
    </message>
    <message>
        <source>The local cache %1 cannot keep its write-ahead log next to it (journal mode &quot;%2&quot;). Make its folder writable, or choose another cache location.</source>
        <translation>The local cache %1 cannot keep its write-ahead log next to it (journal mode &quot;%2&quot;). Make its folder writable, or choose another cache location.</translation>
    </message>
    <message>
        <source>The damaged cache %1 cannot be moved aside to %2. Close other programs using it, or move it yourself.</source>
        <translation>The damaged cache %1 cannot be moved aside to %2. Close other programs using it, or move it yourself.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>RegionDesk: the desk of officials who answer citizens&apos; complaints.

Commands:
  (none)        open the desk window
  demo-cache    fill the local cache with generated demo complaints (Omsk)
  check-cache   check the local cache file for damage</source>
        <translation>RegionDesk: the desk of officials who answer citizens&apos; complaints.

Commands:
  (none)        open the desk window
  demo-cache    fill the local cache with generated demo complaints (Omsk)
  check-cache   check the local cache file for damage</translation>
    </message>
    <message>
        <source>Use the local cache at &lt;file&gt; (default: %1).</source>
        <translation>Use the local cache at &lt;file&gt; (default: %1).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>User interface language: ru or en (default: the system&apos;s).</source>
        <translation>User interface language: ru or en (default: the system&apos;s).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>demo-cache: how many complaints to generate (default 5000).</source>
        <translation>demo-cache: how many complaints to generate (default 5000).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>demo-cache: seed of the generator (default 59).</source>
        <translation>demo-cache: seed of the generator (default 59).</translation>
    </message>
    <message>
        <source>What to do (see above).</source>
        <translation>What to do (see above).</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;; use ru or en</source>
        <translation>unknown language &quot;%1&quot;; use ru or en</translation>
    </message>
    <message>
        <source>--count takes a number from 0 to 5000000</source>
        <translation>--count takes a number from 0 to 5000000</translation>
    </message>
    <message>
        <source>--seed takes a non-negative number</source>
        <translation>--seed takes a non-negative number</translation>
    </message>
    <message>
        <source>one command at a time, please: %1</source>
        <translation>one command at a time, please: %1</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see --help</source>
        <translation>unknown command &quot;%1&quot;; see --help</translation>
    </message>
    <message>
        <source>Wrote %1 demo complaints (%2 not newer than the cache&apos;s) to %3 in %4 ms.</source>
        <translation>Wrote %1 demo complaints (%2 not newer than the cache&apos;s) to %3 in %4 ms.</translation>
    </message>
    <message>
        <source>The local cache %1 is sound (format %2, %3 complaints).</source>
        <translation>The local cache %1 is sound (format %2, %3 complaints).</translation>
    </message>
    <message>
        <source>The local cache %1 is damaged:</source>
        <translation>The local cache %1 is damaged:</translation>
    </message>
    <message>
        <source>Open the window, save a picture of it to &lt;file&gt; (PNG) and quit; for documentation and checks.</source>
        <translation>Open the window, save a picture of it to &lt;file&gt; (PNG) and quit; for documentation and checks.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>RegionDesk</source>
        <translation>RegionDesk</translation>
    </message>
    <message>
        <source>Set aside and rebuild</source>
        <translation>Set aside and rebuild</translation>
    </message>
    <message>
        <source>The damaged cache was kept as %1. Carried over: %2 draft(s) and %3 unsent action(s).</source>
        <translation>The damaged cache was kept as %1. Carried over: %2 draft(s) and %3 unsent action(s).</translation>
    </message>
</context>
<context>
    <name>rd::CacheWindow</name>
    <message>
        <source>RegionDesk — local cache</source>
        <translation>RegionDesk — local cache</translation>
    </message>
    <message>
        <source>Search by number, text or address (Ctrl+F)</source>
        <translation>Search by number, text or address (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n complaint(s) in the local cache %2 · working offline: the connection to the server is not built yet</source>
        <translation>
            <numerusform>%1 of %n complaint in the local cache %2 · working offline: the connection to the server is not built yet</numerusform>
            <numerusform>%1 of %n complaints in the local cache %2 · working offline: the connection to the server is not built yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::QueueModel</name>
    <message>
        <source>Awaiting moderation</source>
        <translation>Awaiting moderation</translation>
    </message>
    <message>
        <source>Awaiting answer</source>
        <translation>Awaiting answer</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Deadline set</source>
        <translation>Deadline set</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Contested</source>
        <translation>Contested</translation>
    </message>
    <message>
        <source>No longer assigned to you; kept because of your unsent work</source>
        <translation>No longer assigned to you; kept because of your unsent work</translation>
    </message>
    <message>
        <source>You have a draft answer for this complaint</source>
        <translation>You have a draft answer for this complaint</translation>
    </message>
    <message>
        <source>Overdue: the answer was due on %1</source>
        <translation>Overdue: the answer was due on %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
</context>
</TS>
