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
    <message>
        <source>RegionDesk: the desk of officials who answer citizens&apos; complaints.

Commands:
  (none)        open the desk window
  demo-cache    fill the local cache with generated demo complaints (Omsk)
  check-cache   check the local cache file for damage
  sync          sign in and synchronise the local cache once (--server, --user;
                the password is read from the terminal, or from the
                REGIONDESK_PASSWORD environment variable)</source>
        <translation>RegionDesk: the desk of officials who answer citizens&apos; complaints.

Commands:
  (none)        open the desk window
  demo-cache    fill the local cache with generated demo complaints (Omsk)
  check-cache   check the local cache file for damage
  sync          sign in and synchronise the local cache once (--server, --user;
                the password is read from the terminal, or from the
                REGIONDESK_PASSWORD environment variable)</translation>
    </message>
    <message>
        <source>sync: the server&apos;s address, e.g. https://desk.example.ru</source>
        <translation>sync: the server&apos;s address, e.g. https://desk.example.ru</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>sync: the user name to sign in as.</source>
        <translation>sync: the user name to sign in as.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>sync: also trust the CA certificate(s) in &lt;file&gt; (PEM).</source>
        <translation>sync: also trust the CA certificate(s) in &lt;file&gt; (PEM).</translation>
    </message>
    <message>
        <source>sync needs --server with an http:// or https:// address</source>
        <translation>sync needs --server with an http:// or https:// address</translation>
    </message>
    <message>
        <source>sync needs --user</source>
        <translation>sync needs --user</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Password for %1: </translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to signing in cannot be read.</source>
        <translation>The server&apos;s answer to signing in cannot be read.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Signed in as %1 (%2).</translation>
    </message>
    <message>
        <source>sent %1 of %2 action(s); received %3 complaint(s), %4 removed, %5 page(s), %6 MB</source>
        <translation>sent %1 of %2 action(s); received %3 complaint(s), %4 removed, %5 page(s), %6 MB</translation>
    </message>
    <message>
        <source>%1: %2 complaint(s) received, %3 removed; %4 action(s) sent, %5 refused, %6 in conflict, %7 to retry.</source>
        <translation>%1: %2 complaint(s) received, %3 removed; %4 action(s) sent, %5 refused, %6 in conflict, %7 to retry.</translation>
    </message>
    <message>
        <source>Synchronised</source>
        <translation>Synchronised</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
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
    <name>rd::ApiError</name>
    <message>
        <source>The server cannot be reached (%1). Your work is kept and will be sent when the connection returns.</source>
        <translation>The server cannot be reached (%1). Your work is kept and will be sent when the connection returns.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Your work is kept and will be sent later.</source>
        <translation>The server did not answer in time. Your work is kept and will be sent later.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so nothing was sent (%1). If your agency uses its own certificate authority, ask your administrator for its certificate file and set it in the settings.</source>
        <translation>The server&apos;s certificate is not trusted, so nothing was sent (%1). If your agency uses its own certificate authority, ask your administrator for its certificate file and set it in the settings.</translation>
    </message>
    <message>
        <source>The server sent an answer RegionDesk cannot read (%1). Nothing was changed; it will try again later. If this persists, tell your administrator.</source>
        <translation>The server sent an answer RegionDesk cannot read (%1). Nothing was changed; it will try again later. If this persists, tell your administrator.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; your unsent work is kept.</source>
        <translation>Your session has ended. Sign in again; your unsent work is kept.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>The server refused: %1</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1). It will be tried again later.</source>
        <translation>The server had a problem (HTTP %1). It will be tried again later.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1: %2</source>
        <translation>The server answered HTTP %1: %2</translation>
    </message>
    <message>
        <source>The extra CA certificate file %1 cannot be read: %2</source>
        <translation>The extra CA certificate file %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>The extra CA certificate file %1 holds no PEM certificate.</source>
        <translation>The extra CA certificate file %1 holds no PEM certificate.</translation>
    </message>
    <message>
        <source>no HTTP status</source>
        <translation>no HTTP status</translation>
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
    <message>
        <source>last synchronised %1</source>
        <translation>last synchronised %1</translation>
    </message>
    <message>
        <source>never synchronised</source>
        <translation>never synchronised</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n complaint(s) in the local cache %2 · %3 · this window works offline; synchronise with &quot;regiondesk sync&quot;</source>
        <translation>
            <numerusform>%1 of %n complaint in the local cache %2 · %3 · this window works offline; synchronise with &quot;regiondesk sync&quot;</numerusform>
            <numerusform>%1 of %n complaints in the local cache %2 · %3 · this window works offline; synchronise with &quot;regiondesk sync&quot;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::CredentialStore</name>
    <message>
        <source>Sign-ins are kept in memory only, as configured; you will be asked to sign in each time RegionDesk starts.</source>
        <translation>Sign-ins are kept in memory only, as configured; you will be asked to sign in each time RegionDesk starts.</translation>
    </message>
    <message>
        <source>The system&apos;s credential store is not available (%1). Your sign-in is kept in memory only: you will be asked to sign in again next time RegionDesk starts.</source>
        <translation>The system&apos;s credential store is not available (%1). Your sign-in is kept in memory only: you will be asked to sign in again next time RegionDesk starts.</translation>
    </message>
</context>
<context>
    <name>rd::MapWidget</name>
    <message>
        <source>Complaint map</source>
        <translation>Complaint map</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>Closed without a fix</source>
        <translation>Closed without a fix</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Map tiles are loading, or none are available offline for this area; the complaints are shown all the same.</source>
        <translation>Map tiles are loading, or none are available offline for this area; the complaints are shown all the same.</translation>
    </message>
    <message>
        <source>No map tiles configured; the complaints are shown on a grid.</source>
        <translation>No map tiles configured; the complaints are shown on a grid.</translation>
    </message>
    <message>
        <source>No. %1 · %2 · votes: %3%4</source>
        <translation>No. %1 · %2 · votes: %3%4</translation>
    </message>
    <message>
        <source> · overdue</source>
        <translation> · overdue</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) · %1 overdue · click to zoom in</source>
        <translation>
            <numerusform>%n complaint · %1 overdue · click to zoom in</numerusform>
            <numerusform>%n complaints · %1 overdue · click to zoom in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::MbTiles</name>
    <message>
        <source>The map file %1 does not exist.</source>
        <translation>The map file %1 does not exist.</translation>
    </message>
    <message>
        <source>The map file %1 is not an MBTiles file (it has no &quot;tiles&quot; and &quot;metadata&quot; tables).</source>
        <translation>The map file %1 is not an MBTiles file (it has no &quot;tiles&quot; and &quot;metadata&quot; tables).</translation>
    </message>
    <message>
        <source>The map file %1 holds %2 tiles; RegionDesk shows PNG and JPEG tiles only.</source>
        <translation>The map file %1 holds %2 tiles; RegionDesk shows PNG and JPEG tiles only.</translation>
    </message>
    <message>
        <source>The map file %1 cannot be read as an MBTiles file: %2</source>
        <translation>The map file %1 cannot be read as an MBTiles file: %2</translation>
    </message>
</context>
<context>
    <name>rd::PhotoFetcher</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The server sent something that is not a JPEG or PNG image for photo %1.</source>
        <translation>The server sent something that is not a JPEG or PNG image for photo %1.</translation>
    </message>
    <message>
        <source>The photo cache is full (%1 MB); %2 photo(s) were not made available offline. Raise the limit in the settings.</source>
        <translation>The photo cache is full (%1 MB); %2 photo(s) were not made available offline. Raise the limit in the settings.</translation>
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
<context>
    <name>rd::SessionManager</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to signing in cannot be read. Is %1 a RegionDesk server?</source>
        <translation>The server&apos;s answer to signing in cannot be read. Is %1 a RegionDesk server?</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Your session has ended. Sign in again.</translation>
    </message>
    <message>
        <source>Sign in to continue.</source>
        <translation>Sign in to continue.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; your unsent work is kept.</source>
        <translation>Your session has ended. Sign in again; your unsent work is kept.</translation>
    </message>
</context>
<context>
    <name>rd::SyncEngine</name>
    <message>
        <source>This cache belongs to another user or server (%1). Sign in as that user, or use another cache.</source>
        <translation>This cache belongs to another user or server (%1). Sign in as that user, or use another cache.</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>Sync cancelled.</translation>
    </message>
    <message>
        <source>The complaint was changed on the server after you wrote this (now version %1). Re-apply your action on the new version, edit it, or discard it.</source>
        <translation>The complaint was changed on the server after you wrote this (now version %1). Re-apply your action on the new version, edit it, or discard it.</translation>
    </message>
    <message>
        <source>The complaint no longer exists on the server.</source>
        <translation>The complaint no longer exists on the server.</translation>
    </message>
    <message>
        <source>The server refused this action: %1</source>
        <translation>The server refused this action: %1</translation>
    </message>
    <message>
        <source>This action is no longer possible in the complaint&apos;s state: %1</source>
        <translation>This action is no longer possible in the complaint&apos;s state: %1</translation>
    </message>
    <message>
        <source>The server asks for corrections: %1</source>
        <translation>The server asks for corrections: %1</translation>
    </message>
    <message>
        <source>The server&apos;s data changed during the sync; it will start over.</source>
        <translation>The server&apos;s data changed during the sync; it will start over.</translation>
    </message>
    <message>
        <source>The local cache was changed by another sync; try again.</source>
        <translation>The local cache was changed by another sync; try again.</translation>
    </message>
    <message>
        <source>The server sent data the cache cannot store (%1); nothing of it was applied.</source>
        <translation>The server sent data the cache cannot store (%1); nothing of it was applied.</translation>
    </message>
</context>
<context>
    <name>rd::TileSource</name>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation>© OpenStreetMap contributors</translation>
    </message>
    <message>
        <source>The tile server sent something that is not a PNG or JPEG image; those map tiles are not shown.</source>
        <translation>The tile server sent something that is not a PNG or JPEG image; those map tiles are not shown.</translation>
    </message>
    <message>
        <source>Map tiles cannot be loaded (%1); the map shows what it has.</source>
        <translation>Map tiles cannot be loaded (%1); the map shows what it has.</translation>
    </message>
    <message>
        <source>The tile server answered HTTP %1; the map shows what it has.</source>
        <translation>The tile server answered HTTP %1; the map shows what it has.</translation>
    </message>
    <message>
        <source>The tile cache cannot be written; tiles are shown but not kept.</source>
        <translation>The tile cache cannot be written; tiles are shown but not kept.</translation>
    </message>
</context>
</TS>
