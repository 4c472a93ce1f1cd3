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
    <message>
        <source>is not a known time zone</source>
        <translation>is not a known time zone</translation>
    </message>
    <message>
        <source>lists more than %1 days</source>
        <translation>lists more than %1 days</translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation>is listed twice</translation>
    </message>
    <message>
        <source>is not a Saturday or a Sunday: weekdays are worked anyway</source>
        <translation>is not a Saturday or a Sunday: weekdays are worked anyway</translation>
    </message>
    <message>
        <source>is also listed as a holiday</source>
        <translation>is also listed as a holiday</translation>
    </message>
    <message>
        <source>must be &quot;calendar&quot; or &quot;working&quot;</source>
        <translation>must be &quot;calendar&quot; or &quot;working&quot;</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>must be one of %1</translation>
    </message>
    <message>
        <source>is not a category of the catalogue</source>
        <translation>is not a category of the catalogue</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>has %1, which is not a placeholder (%2)</source>
        <translation>has %1, which is not a placeholder (%2)</translation>
    </message>
    <message>
        <source>is taken by another template</source>
        <translation>is taken by another template</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>you may not do this to it</source>
        <translation>you may not do this to it</translation>
    </message>
    <message>
        <source>not in a state this can be done from</source>
        <translation>not in a state this can be done from</translation>
    </message>
    <message>
        <source>its deadline was extended as often as the rules allow</source>
        <translation>its deadline was extended as often as the rules allow</translation>
    </message>
    <message>
        <source>unknown action</source>
        <translation>unknown action</translation>
    </message>
    <message>
        <source>more than %1 complaints at once</source>
        <translation>more than %1 complaints at once</translation>
    </message>
    <message>
        <source>not in this computer&apos;s copy</source>
        <translation>not in this computer&apos;s copy</translation>
    </message>
    <message>
        <source>an action of yours already waits for it in the outbox</source>
        <translation>an action of yours already waits for it in the outbox</translation>
    </message>
    <message>
        <source>you have a draft for it: answer it on its own</source>
        <translation>you have a draft for it: answer it on its own</translation>
    </message>
</context>
<context>
    <name>CacheError</name>
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
    <message>
        <source>The file %1 is not a RegionDesk cache that can be read here: it is not an SQLite database, or it is encrypted and no key was given for it. Move it away or choose another cache location; RegionDesk will not overwrite it.</source>
        <translation>The file %1 is not a RegionDesk cache that can be read here: it is not an SQLite database, or it is encrypted and no key was given for it. Move it away or choose another cache location; RegionDesk will not overwrite it.</translation>
    </message>
    <message>
        <source>The local cache %1 is encrypted with another key than the one kept for you on this computer (the key was lost, or the file comes from another user or computer). RegionDesk can set it aside and download your complaints again; drafts not yet sent cannot be read without the old key.</source>
        <translation>The local cache %1 is encrypted with another key than the one kept for you on this computer (the key was lost, or the file comes from another user or computer). RegionDesk can set it aside and download your complaints again; drafts not yet sent cannot be read without the old key.</translation>
    </message>
</context>
<context>
    <name>CommandCacheOptions</name>
    <message>
        <source>The local cache %1 is encrypted and its key is not in this computer&apos;s credential store. Open RegionDesk to set it aside and start again.</source>
        <translation>The local cache %1 is encrypted and its key is not in this computer&apos;s credential store. Open RegionDesk to set it aside and start again.</translation>
    </message>
    <message>
        <source>The local cache %1 is protected by a passphrase (%2). Set REGIONDESK_CACHE_PASSPHRASE to it in the environment, or open RegionDesk to choose one.</source>
        <translation>The local cache %1 is protected by a passphrase (%2). Set REGIONDESK_CACHE_PASSPHRASE to it in the environment, or open RegionDesk to choose one.</translation>
    </message>
    <message>
        <source>The passphrase in REGIONDESK_CACHE_PASSPHRASE is too short: a new one has at least %1 characters.</source>
        <translation>The passphrase in REGIONDESK_CACHE_PASSPHRASE is too short: a new one has at least %1 characters.</translation>
    </message>
    <message>
        <source>The passphrase in REGIONDESK_CACHE_PASSPHRASE does not unlock the local cache %1.</source>
        <translation>The passphrase in REGIONDESK_CACHE_PASSPHRASE does not unlock the local cache %1.</translation>
    </message>
    <message>
        <source>The passphrase&apos;s salt cannot be written beside the local cache (%1): without it the key could not be made again, so the cache is not encrypted with it. Check that the folder can be written.</source>
        <translation>The passphrase&apos;s salt cannot be written beside the local cache (%1): without it the key could not be made again, so the cache is not encrypted with it. Check that the folder can be written.</translation>
    </message>
    <message>
        <source>The local cache %1 is encrypted with a key kept in this computer&apos;s credential store, which did not answer (%2). Unlock the store and try again.</source>
        <translation>The local cache %1 is encrypted with a key kept in this computer&apos;s credential store, which did not answer (%2). Unlock the store and try again.</translation>
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
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
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
    <message>
        <source>sync and desk: the server&apos;s address, e.g. https://desk.example.ru</source>
        <translation>sync and desk: the server&apos;s address, e.g. https://desk.example.ru</translation>
    </message>
    <message>
        <source>sync and desk: the user name to sign in as.</source>
        <translation>sync and desk: the user name to sign in as.</translation>
    </message>
    <message>
        <source>sync and desk: also trust the CA certificate(s) in &lt;file&gt; (PEM).</source>
        <translation>sync and desk: also trust the CA certificate(s) in &lt;file&gt; (PEM).</translation>
    </message>
    <message>
        <source>period</source>
        <translation>period</translation>
    </message>
    <message>
        <source>report: the agency&apos;s number in the catalogue (default: all agencies in the cache).</source>
        <translation>report: the agency&apos;s number in the catalogue (default: all agencies in the cache).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>report: pdf, csv or xlsx (default: from --out&apos;s extension).</source>
        <translation>report: pdf, csv or xlsx (default: from --out&apos;s extension).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>report: the file to write.</source>
        <translation>report: the file to write.</translation>
    </message>
    <message>
        <source>report: A4 landscape instead of portrait (PDF).</source>
        <translation>report: A4 landscape instead of portrait (PDF).</translation>
    </message>
    <message>
        <source>--agency takes the agency&apos;s number</source>
        <translation>--agency takes the agency&apos;s number</translation>
    </message>
    <message>
        <source>report needs --out</source>
        <translation>report needs --out</translation>
    </message>
    <message>
        <source>--format takes pdf, csv or xlsx</source>
        <translation>--format takes pdf, csv or xlsx</translation>
    </message>
    <message>
        <source>Forget this user&apos;s settings (window layout, recent servers, language, map) and quit. Caches, drafts and unsent work are kept; the administrator&apos;s settings still apply.</source>
        <translation>Forget this user&apos;s settings (window layout, recent servers, language, map) and quit. Caches, drafts and unsent work are kept; the administrator&apos;s settings still apply.</translation>
    </message>
    <message>
        <source>RegionDesk: the desk of officials who answer citizens&apos; complaints.

Commands:
  (none)        open the desk window: sign in (--server and --user fill in the
                sign-in dialog; with REGIONDESK_PASSWORD set it signs in at once)
  demo-cache    fill the local cache with generated demo complaints (Omsk)
  check-cache   check the local cache file for damage
  sync          sign in and synchronise the local cache once (--server, --user;
                the password is read from the terminal, or from the
                REGIONDESK_PASSWORD environment variable)
  report        write a report from the local cache (--period, --agency,
                --format, --out), e.g. for a scheduled task:
                regiondesk report --period previous-month --out month.pdf
                (regiondesk report --help: its options and periods)</source>
        <translation>RegionDesk: the desk of officials who answer citizens&apos; complaints.

Commands:
  (none)        open the desk window: sign in (--server and --user fill in the
                sign-in dialog; with REGIONDESK_PASSWORD set it signs in at once)
  demo-cache    fill the local cache with generated demo complaints (Omsk)
  check-cache   check the local cache file for damage
  sync          sign in and synchronise the local cache once (--server, --user;
                the password is read from the terminal, or from the
                REGIONDESK_PASSWORD environment variable)
  report        write a report from the local cache (--period, --agency,
                --format, --out), e.g. for a scheduled task:
                regiondesk report --period previous-month --out month.pdf
                (regiondesk report --help: its options and periods)</translation>
    </message>
    <message>
        <source>regiondesk report: write a report from the local cache, offline (a scheduled task
runs `regiondesk sync` first). It has two views: the complaints received in the
period, and the state at the end of the period (open, overdue and for how long, by
agency and category).

Periods (--period):
  previous-month    the whole month that ended: the default, and the one for a
                    monthly schedule; likewise previous-week, previous-quarter,
                    previous-year
  this-month        from the 1st to today (on the 1st, one day); also &quot;month&quot;,
                    and likewise this-week, this-quarter, this-year (or week,
                    quarter, year)
  YYYY-MM-DD..YYYY-MM-DD   from and to, both included

Examples:
  regiondesk report --period previous-month --out month.pdf
  regiondesk report --period 2026-01-01..2026-03-31 --agency 1 --out q1.xlsx</source>
        <translation>regiondesk report: write a report from the local cache, offline (a scheduled task
runs `regiondesk sync` first). It has two views: the complaints received in the
period, and the state at the end of the period (open, overdue and for how long, by
agency and category).

Periods (--period):
  previous-month    the whole month that ended: the default, and the one for a
                    monthly schedule; likewise previous-week, previous-quarter,
                    previous-year
  this-month        from the 1st to today (on the 1st, one day); also &quot;month&quot;,
                    and likewise this-week, this-quarter, this-year (or week,
                    quarter, year)
  YYYY-MM-DD..YYYY-MM-DD   from and to, both included

Examples:
  regiondesk report --period previous-month --out month.pdf
  regiondesk report --period 2026-01-01..2026-03-31 --agency 1 --out q1.xlsx</translation>
    </message>
    <message>
        <source>report: previous-month (the default), previous-week, -quarter, -year; this-month (to today), this-week, -quarter, -year; or YYYY-MM-DD..YYYY-MM-DD.</source>
        <translation>report: previous-month (the default), previous-week, -quarter, -year; this-month (to today), this-week, -quarter, -year; or YYYY-MM-DD..YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>report: count the period from this day instead of today (YYYY-MM-DD; to make a missed scheduled report).</source>
        <translation>report: count the period from this day instead of today (YYYY-MM-DD; to make a missed scheduled report).</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>report: who the report says made it (default: the user the cache was synchronised for).</source>
        <translation>report: who the report says made it (default: the user the cache was synchronised for).</translation>
    </message>
    <message>
        <source>--period takes %1 or YYYY-MM-DD..YYYY-MM-DD; see report --help</source>
        <translation>--period takes %1 or YYYY-MM-DD..YYYY-MM-DD; see report --help</translation>
    </message>
    <message>
        <source>--today takes a date YYYY-MM-DD</source>
        <translation>--today takes a date YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Write a report (see above).</source>
        <translation>Write a report (see above).</translation>
    </message>
    <message numerus="yes">
        <source>%n closed complaint(s) unchanged for longer than the retention period left the cache.</source>
        <translation>
            <numerusform>%n closed complaint unchanged for longer than the retention period left the cache.</numerusform>
            <numerusform>%n closed complaints unchanged for longer than the retention period left the cache.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GeoJson</name>
    <message>
        <source>must be a position: [longitude, latitude]</source>
        <translation>must be a position: [longitude, latitude]</translation>
    </message>
    <message>
        <source>[%1, %2] is not a longitude and latitude in degrees; GeoJSON is in WGS 84 degrees, not projected metres</source>
        <translation>[%1, %2] is not a longitude and latitude in degrees; GeoJSON is in WGS 84 degrees, not projected metres</translation>
    </message>
    <message>
        <source>more than %1 points in all</source>
        <translation>more than %1 points in all</translation>
    </message>
    <message>
        <source>must be a list of positions</source>
        <translation>must be a list of positions</translation>
    </message>
    <message>
        <source>a ring needs at least 3 different points</source>
        <translation>a ring needs at least 3 different points</translation>
    </message>
    <message>
        <source>a line needs at least 2 points</source>
        <translation>a line needs at least 2 points</translation>
    </message>
    <message>
        <source>must be a non-empty list</source>
        <translation>must be a non-empty list</translation>
    </message>
    <message>
        <source>“%1” is neither a district (Polygon, MultiPolygon) nor a street (LineString, MultiLineString)</source>
        <translation>“%1” is neither a district (Polygon, MultiPolygon) nor a street (LineString, MultiLineString)</translation>
    </message>
    <message>
        <source>must be “district” (with a Polygon or MultiPolygon) or “street” (with a LineString or MultiLineString)</source>
        <translation>must be “district” (with a Polygon or MultiPolygon) or “street” (with a LineString or MultiLineString)</translation>
    </message>
    <message>
        <source>must be an object of type “Feature”</source>
        <translation>must be an object of type “Feature”</translation>
    </message>
    <message>
        <source>must be an object or null</source>
        <translation>must be an object or null</translation>
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
        <source>must be a whole number from 1 (the district&apos;s id in the catalogue)</source>
        <translation>must be a whole number from 1 (the district&apos;s id in the catalogue)</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2)</source>
        <translation>not JSON (%1 at byte %2)</translation>
    </message>
    <message>
        <source>must be a GeoJSON object of type “FeatureCollection”</source>
        <translation>must be a GeoJSON object of type “FeatureCollection”</translation>
    </message>
    <message>
        <source>only WGS 84 longitude and latitude in degrees are understood (as RFC 7946 has it); convert the file first</source>
        <translation>only WGS 84 longitude and latitude in degrees are understood (as RFC 7946 has it); convert the file first</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>more than %1 features</source>
        <translation>more than %1 features</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>Not yet assigned</source>
        <translation>Not yet assigned</translation>
    </message>
    <message>
        <source>No district</source>
        <translation>No district</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Category %1</translation>
    </message>
    <message>
        <source>Agency %1</source>
        <translation>Agency %1</translation>
    </message>
    <message>
        <source>District %1</source>
        <translation>District %1</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>There is no agency %1 in the cache&apos;s catalogue.</source>
        <translation>There is no agency %1 in the cache&apos;s catalogue.</translation>
    </message>
    <message>
        <source>regiondesk: the period %1 has just begun: the report covers %2 only. For the whole one that ended, give --period previous-…, e.g. previous-month.</source>
        <translation>regiondesk: the period %1 has just begun: the report covers %2 only. For the whole one that ended, give --period previous-…, e.g. previous-month.</translation>
    </message>
    <message>
        <source>regiondesk: this cache holds the complaints of agency %1 only (%2&apos;s); it cannot report on agency %3.</source>
        <translation>regiondesk: this cache holds the complaints of agency %1 only (%2&apos;s); it cannot report on agency %3.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n complaint(s) received %2 – %3, %4 overdue on %5; in %6 ms.</source>
        <translation>
            <numerusform>Wrote %1: %n complaint received %2 – %3, %4 overdue on %5; in %6 ms.</numerusform>
            <numerusform>Wrote %1: %n complaints received %2 – %3, %4 overdue on %5; in %6 ms.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <source>Deadline set</source>
        <translation>Deadline set</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Overdue deadlines</source>
        <translation>Overdue deadlines</translation>
    </message>
    <message>
        <source>Days to answer, average</source>
        <translation>Days to answer, average</translation>
    </message>
    <message>
        <source>Days to answer, median</source>
        <translation>Days to answer, median</translation>
    </message>
    <message>
        <source>Answered on time</source>
        <translation>Answered on time</translation>
    </message>
    <message>
        <source>Contested after solving</source>
        <translation>Contested after solving</translation>
    </message>
    <message>
        <source>Confirmed by citizens</source>
        <translation>Confirmed by citizens</translation>
    </message>
    <message>
        <source>Complaints report: %1</source>
        <translation>Complaints report: %1</translation>
    </message>
    <message>
        <source>all agencies</source>
        <translation>all agencies</translation>
    </message>
    <message>
        <source>Generated %1 by %2 from the local cache (as of its last synchronisation)</source>
        <translation>Generated %1 by %2 from the local cache (as of its last synchronisation)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>Week from</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Age, days</source>
        <translation>Age, days</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>%1 cannot be written.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Top unresolved</source>
        <translation>Top unresolved</translation>
    </message>
    <message>
        <source>%1 cannot be written: the file is in use or the folder is read-only.</source>
        <translation>%1 cannot be written: the file is in use or the folder is read-only.</translation>
    </message>
    <message>
        <source>by category</source>
        <translation>by category</translation>
    </message>
    <message>
        <source>Received by category</source>
        <translation>Received by category</translation>
    </message>
    <message>
        <source>by agency</source>
        <translation>by agency</translation>
    </message>
    <message>
        <source>Received by agency</source>
        <translation>Received by agency</translation>
    </message>
    <message>
        <source>by district</source>
        <translation>by district</translation>
    </message>
    <message>
        <source>Received by district</source>
        <translation>Received by district</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>by month</translation>
    </message>
    <message>
        <source>Received by month</source>
        <translation>Received by month</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>by week</translation>
    </message>
    <message>
        <source>Received by week</source>
        <translation>Received by week</translation>
    </message>
    <message>
        <source>At the end, by agency</source>
        <translation>At the end, by agency</translation>
    </message>
    <message>
        <source>At the end, by category</source>
        <translation>At the end, by category</translation>
    </message>
    <message>
        <source>unresolved, the most votes</source>
        <translation>unresolved, the most votes</translation>
    </message>
    <message>
        <source>overdue complaints</source>
        <translation>overdue complaints</translation>
    </message>
    <message>
        <source>Answered later</source>
        <translation>Answered later</translation>
    </message>
    <message>
        <source>Overdue, days past the due date</source>
        <translation>Overdue, days past the due date</translation>
    </message>
    <message>
        <source>In moderation</source>
        <translation>In moderation</translation>
    </message>
    <message>
        <source>Awaiting answer</source>
        <translation>Awaiting answer</translation>
    </message>
    <message>
        <source>Contested</source>
        <translation>Contested</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>%1–%2 days overdue</source>
        <translation>%1–%2 days overdue</translation>
    </message>
    <message>
        <source>Over %1 days overdue</source>
        <translation>Over %1 days overdue</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>over %1</translation>
    </message>
    <message>
        <source>Longest overdue, days</source>
        <translation>Longest overdue, days</translation>
    </message>
    <message>
        <source>longest</source>
        <translation>longest</translation>
    </message>
    <message>
        <source>Received in the period %1 – %2</source>
        <translation>Received in the period %1 – %2</translation>
    </message>
    <message>
        <source>Today, %1 (the period has not ended)</source>
        <translation>Today, %1 (the period has not ended)</translation>
    </message>
    <message>
        <source>At the end of the period, %1</source>
        <translation>At the end of the period, %1</translation>
    </message>
    <message>
        <source>Period: %1 – %2 (days in %3)</source>
        <translation>Period: %1 – %2 (days in %3)</translation>
    </message>
    <message numerus="yes">
        <source>The cache keeps closed complaints for %n month(s): those closed and unchanged before %1 are not counted.</source>
        <translation>
            <numerusform>The cache keeps closed complaints for %n month: those closed and unchanged before %1 are not counted.</numerusform>
            <numerusform>The cache keeps closed complaints for %n months: those closed and unchanged before %1 are not counted.</numerusform>
        </translation>
    </message>
    <message>
        <source>The period begins before that day: its figures for closed complaints are incomplete.</source>
        <translation>The period begins before that day: its figures for closed complaints are incomplete.</translation>
    </message>
    <message>
        <source>Contains personal data: the addresses citizens gave for their complaints. Keep and pass on as the rules for personal data require.</source>
        <translation>Contains personal data: the addresses citizens gave for their complaints. Keep and pass on as the rules for personal data require.</translation>
    </message>
</context>
<context>
    <name>ReportRenderer</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (continued)</translation>
    </message>
    <message>
        <source>Nothing to list.</source>
        <translation>Nothing to list.</translation>
    </message>
    <message>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>Week from</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Age, days</source>
        <translation>Age, days</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>The %1 most overdue of %2 are listed; the CSV and XLSX exports list all.</source>
        <translation>The %1 most overdue of %2 are listed; the CSV and XLSX exports list all.</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>Responsible: ______________________ / ______________________ /     Date: ______________</source>
        <translation>Responsible: ______________________ / ______________________ /     Date: ______________</translation>
    </message>
    <message>
        <source>signature, name</source>
        <translation>signature, name</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>%1 cannot be written.</translation>
    </message>
    <message>
        <source>received and answered by month</source>
        <translation>received and answered by month</translation>
    </message>
    <message>
        <source>received and answered by week</source>
        <translation>received and answered by week</translation>
    </message>
    <message>
        <source>the categories with the most complaints</source>
        <translation>the categories with the most complaints</translation>
    </message>
    <message>
        <source>by category</source>
        <translation>by category</translation>
    </message>
    <message>
        <source>by agency</source>
        <translation>by agency</translation>
    </message>
    <message>
        <source>by district</source>
        <translation>by district</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>by month</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>by week</translation>
    </message>
    <message>
        <source>unresolved, the most votes</source>
        <translation>unresolved, the most votes</translation>
    </message>
    <message>
        <source>overdue complaints</source>
        <translation>overdue complaints</translation>
    </message>
    <message>
        <source>Answered later</source>
        <translation>Answered later</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 cannot be written: %2</translation>
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
    <message>
        <source>RegionDesk is already running; its window was brought to the front.</source>
        <translation>RegionDesk is already running; its window was brought to the front.</translation>
    </message>
    <message>
        <source>Settings reset (%1). Caches, drafts and unsent work were kept.</source>
        <translation>Settings reset (%1). Caches, drafts and unsent work were kept.</translation>
    </message>
    <message>
        <source>regiondesk: no desk opened (signing in is needed: give --server, --user and REGIONDESK_PASSWORD); the picture shows the sign-in dialog.</source>
        <translation>regiondesk: no desk opened (signing in is needed: give --server, --user and REGIONDESK_PASSWORD); the picture shows the sign-in dialog.</translation>
    </message>
    <message>
        <source>regiondesk: no picture after 60 s; saving what is shown.</source>
        <translation>regiondesk: no picture after 60 s; saving what is shown.</translation>
    </message>
</context>
<context>
    <name>rd::AnswerEditor</name>
    <message>
        <source>Evidence photos</source>
        <translation>Evidence photos</translation>
    </message>
    <message>
        <source>Attach &amp;photos…</source>
        <translation>Attach &amp;photos…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Remo&amp;ve</translation>
    </message>
    <message>
        <source>&amp;Send (Ctrl+Enter)</source>
        <translation>&amp;Send (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation>Discard draft…</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>&amp;Answer:</translation>
    </message>
    <message>
        <source>&amp;Ground:</source>
        <translation>&amp;Ground:</translation>
    </message>
    <message>
        <source>Fi&amp;x by:</source>
        <translation>Fi&amp;x by:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <source>Choose the ground…</source>
        <translation>Choose the ground…</translation>
    </message>
    <message>
        <source>Resolution deadline</source>
        <translation>Resolution deadline</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>Extend the deadline</translation>
    </message>
    <message>
        <source>Problem solved</source>
        <translation>Problem solved</translation>
    </message>
    <message>
        <source>Reasoned refusal</source>
        <translation>Reasoned refusal</translation>
    </message>
    <message>
        <source>Internal note (staff only)</source>
        <translation>Internal note (staff only)</translation>
    </message>
    <message>
        <source>Draft of %1</source>
        <translation>Draft of %1</translation>
    </message>
    <message numerus="yes">
        <source>The date the problem will be fixed by (at most %n day(s) from today) and the plan.</source>
        <translation>
            <numerusform>The date the problem will be fixed by (at most %n day from today) and the plan.</numerusform>
            <numerusform>The date the problem will be fixed by (at most %n days from today) and the plan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Choose the legal ground; its template is inserted for you to complete. At least %n character(s) of reasoning.</source>
        <translation>
            <numerusform>Choose the legal ground; its template is inserted for you to complete. At least %n character of reasoning.</numerusform>
            <numerusform>Choose the legal ground; its template is inserted for you to complete. At least %n characters of reasoning.</numerusform>
        </translation>
    </message>
    <message>
        <source>What was done; attach photos of the result (JPEG or PNG, up to 5 MB, at most %1).</source>
        <translation>What was done; attach photos of the result (JPEG or PNG, up to 5 MB, at most %1).</translation>
    </message>
    <message>
        <source>Seen by staff only, never by the citizen.</source>
        <translation>Seen by staff only, never by the citizen.</translation>
    </message>
    <message>
        <source>Legal basis: %1</source>
        <translation>Legal basis: %1</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editing…</translation>
    </message>
    <message>
        <source>%1 of at least %2</source>
        <translation>%1 of at least %2</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Draft saved at %1</translation>
    </message>
    <message>
        <source>The server refused the last attempt: %1</source>
        <translation>The server refused the last attempt: %1</translation>
    </message>
    <message>
        <source>Too short: %1 character(s); at least %2.</source>
        <translation>Too short: %1 character(s); at least %2.</translation>
    </message>
    <message>
        <source>Too long: %1 characters; at most %2.</source>
        <translation>Too long: %1 characters; at most %2.</translation>
    </message>
    <message>
        <source>Choose a date from today to %1.</source>
        <translation>Choose a date from today to %1.</translation>
    </message>
    <message>
        <source>Choose a date after %1, at most %2.</source>
        <translation>Choose a date after %1, at most %2.</translation>
    </message>
    <message>
        <source>Choose the ground for the refusal.</source>
        <translation>Choose the ground for the refusal.</translation>
    </message>
    <message>
        <source>Complete the template with the reasons for this complaint.</source>
        <translation>Complete the template with the reasons for this complaint.</translation>
    </message>
    <message>
        <source>Nothing can be sent for this complaint now.</source>
        <translation>Nothing can be sent for this complaint now.</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Discard the draft</translation>
    </message>
    <message>
        <source>Discard your draft for complaint No. %1? This cannot be undone.</source>
        <translation>Discard your draft for complaint No. %1? This cannot be undone.</translation>
    </message>
    <message>
        <source>Attach evidence photos</source>
        <translation>Attach evidence photos</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>At most %1 photos.</source>
        <translation>At most %1 photos.</translation>
    </message>
    <message>
        <source>choose the date</source>
        <translation>choose the date</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>photo</translation>
    </message>
    <message>
        <source>Evidence photo %1</source>
        <translation>Evidence photo %1</translation>
    </message>
    <message>
        <source>uploading…</source>
        <translation>uploading…</translation>
    </message>
    <message>
        <source>Once only: a later date (at most %1 after %2, so by %3) and the reason.</source>
        <translation>Once only: a later date (at most %1 after %2, so by %3) and the reason.</translation>
    </message>
    <message>
        <source>Fill in %1: the template&apos;s placeholder could not be filled in and is never sent as it is.</source>
        <translation>Fill in %1: the template&apos;s placeholder could not be filled in and is never sent as it is.</translation>
    </message>
    <message>
        <source>&amp;Insert template</source>
        <translation>&amp;Insert template</translation>
    </message>
    <message>
        <source>Response templates for this answer and category, and your own snippets; placeholders are filled in for this complaint</source>
        <translation>Response templates for this answer and category, and your own snippets; placeholders are filled in for this complaint</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>None for this answer</source>
        <translation>None for this answer</translation>
    </message>
    <message>
        <source>My snippets</source>
        <translation>My snippets</translation>
    </message>
    <message>
        <source>Save the text as a snippet…</source>
        <translation>Save the text as a snippet…</translation>
    </message>
    <message>
        <source>Remove a snippet</source>
        <translation>Remove a snippet</translation>
    </message>
    <message>
        <source>Save as a snippet</source>
        <translation>Save as a snippet</translation>
    </message>
    <message>
        <source>&amp;Name of the snippet:</source>
        <translation>&amp;Name of the snippet:</translation>
    </message>
    <message>
        <source>Your snippets could not be read: %1</source>
        <translation>Your snippets could not be read: %1</translation>
    </message>
    <message>
        <source>Your snippets could not be saved: %1</source>
        <translation>Your snippets could not be saved: %1</translation>
    </message>
    <message>
        <source>What the answer is: solved, a resolution deadline, its extension, a reasoned refusal, or an internal note</source>
        <translation>What the answer is: solved, a resolution deadline, its extension, a reasoned refusal, or an internal note</translation>
    </message>
    <message>
        <source>The legal ground of the refusal; choosing one puts its template in the text</source>
        <translation>The legal ground of the refusal; choosing one puts its template in the text</translation>
    </message>
    <message>
        <source>The date the problem will be solved by; type the digits of day, month and year</source>
        <translation>The date the problem will be solved by; type the digits of day, month and year</translation>
    </message>
    <message>
        <source>The answer the citizen reads (a note: only staff); saved as a draft as you type; Ctrl+Enter sends</source>
        <translation>The answer the citizen reads (a note: only staff); saved as a draft as you type; Ctrl+Enter sends</translation>
    </message>
    <message>
        <source>The photos sent with the answer that it is solved</source>
        <translation>The photos sent with the answer that it is solved</translation>
    </message>
    <message>
        <source>Chooses photos on this computer to send as evidence</source>
        <translation>Chooses photos on this computer to send as evidence</translation>
    </message>
    <message>
        <source>Takes the chosen photo off the answer</source>
        <translation>Takes the chosen photo off the answer</translation>
    </message>
    <message>
        <source>Checks the answer and queues it; it is sent after the hold, or when back online</source>
        <translation>Checks the answer and queues it; it is sent after the hold, or when back online</translation>
    </message>
    <message>
        <source>Throws the draft away, after asking</source>
        <translation>Throws the draft away, after asking</translation>
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
    <message>
        <source>the answer arrived damaged: %1</source>
        <translation>the answer arrived damaged: %1</translation>
    </message>
</context>
<context>
    <name>rd::BulkDialog</name>
    <message>
        <source>Publish and route the selected…</source>
        <translation>Publish and route the selected…</translation>
    </message>
    <message>
        <source>Reject the selected…</source>
        <translation>Reject the selected…</translation>
    </message>
    <message>
        <source>Mark the selected as duplicates of…</source>
        <translation>Mark the selected as duplicates of…</translation>
    </message>
    <message>
        <source>Set a deadline for the selected…</source>
        <translation>Set a deadline for the selected…</translation>
    </message>
    <message>
        <source>Answer the selected: problem solved…</source>
        <translation>Answer the selected: problem solved…</translation>
    </message>
    <message>
        <source>Add a note to the selected…</source>
        <translation>Add a note to the selected…</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) selected. Each gets an action of its own in the outbox: each is sent, refused or in conflict on its own, and can be taken back while it waits. Those it cannot be done to are left out, with the reason.</source>
        <translation>
            <numerusform>%n complaint selected. It gets an action of its own in the outbox: it is sent, refused or in conflict on its own, and can be taken back while it waits. If it cannot be done to it, it is left out, with the reason.</numerusform>
            <numerusform>%n complaints selected. Each gets an action of its own in the outbox: each is sent, refused or in conflict on its own, and can be taken back while it waits. Those it cannot be done to are left out, with the reason.</numerusform>
        </translation>
    </message>
    <message>
        <source>The number of the complaint they repeat</source>
        <translation>The number of the complaint they repeat</translation>
    </message>
    <message>
        <source>&amp;Original No.:</source>
        <translation>&amp;Original No.:</translation>
    </message>
    <message>
        <source>&amp;Queue for all</source>
        <translation>&amp;Queue for all</translation>
    </message>
    <message>
        <source>Each its own category</source>
        <translation>Each its own category</translation>
    </message>
    <message>
        <source>The category all are published in, or each its own</source>
        <translation>The category all are published in, or each its own</translation>
    </message>
    <message>
        <source>The category&apos;s agency</source>
        <translation>The category&apos;s agency</translation>
    </message>
    <message>
        <source>The agency all are routed to, or each its category&apos;s own</source>
        <translation>The agency all are routed to, or each its category&apos;s own</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tegory:</translation>
    </message>
    <message>
        <source>Responsible &amp;agency:</source>
        <translation>Responsible &amp;agency:</translation>
    </message>
    <message>
        <source>(write the reason below)</source>
        <translation>(write the reason below)</translation>
    </message>
    <message>
        <source>The standard reason each citizen is told</source>
        <translation>The standard reason each citizen is told</translation>
    </message>
    <message>
        <source>Added to the reason, or the reason itself</source>
        <translation>Added to the reason, or the reason itself</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <source>Comme&amp;nt:</source>
        <translation>Comme&amp;nt:</translation>
    </message>
    <message>
        <source>The date the problems will be solved by</source>
        <translation>The date the problems will be solved by</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <source>(write the text below)</source>
        <translation>(write the text below)</translation>
    </message>
    <message>
        <source>A response template; its placeholders are filled in for each complaint</source>
        <translation>A response template; its placeholders are filled in for each complaint</translation>
    </message>
    <message>
        <source>The text for every complaint; {number}, {address}, {date}, {agency} and {executor} are filled in for each</source>
        <translation>The text for every complaint; {number}, {address}, {date}, {agency} and {executor} are filled in for each</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>Give the number of the original complaint.</source>
        <translation>Give the number of the original complaint.</translation>
    </message>
    <message>
        <source>Choose a reason, or write one of at least %1 characters.</source>
        <translation>Choose a reason, or write one of at least %1 characters.</translation>
    </message>
    <message>
        <source>Write the text, or choose a template.</source>
        <translation>Write the text, or choose a template.</translation>
    </message>
    <message>
        <source>Choose the deadline.</source>
        <translation>Choose the deadline.</translation>
    </message>
    <message>
        <source>its category has no agency of its own: choose the agency</source>
        <translation>its category has no agency of its own: choose the agency</translation>
    </message>
    <message>
        <source>it is the original itself</source>
        <translation>it is the original itself</translation>
    </message>
    <message>
        <source>%1 cannot be filled in for it</source>
        <translation>%1 cannot be filled in for it</translation>
    </message>
    <message>
        <source>it has no category: choose the category</source>
        <translation>it has no category: choose the category</translation>
    </message>
</context>
<context>
    <name>rd::BulkResultDialog</name>
    <message>
        <source>For the selected: what became of each</source>
        <translation>For the selected: what became of each</translation>
    </message>
    <message>
        <source>The complaints and what became of each</source>
        <translation>The complaints and what became of each</translation>
    </message>
    <message>
        <source>One row a complaint: its number and its action&apos;s fate</source>
        <translation>One row a complaint: its number and its action&apos;s fate</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>What became of it</source>
        <translation>What became of it</translation>
    </message>
    <message>
        <source>&amp;Take back those still waiting</source>
        <translation>&amp;Take back those still waiting</translation>
    </message>
    <message>
        <source>waiting in the outbox</source>
        <translation>waiting in the outbox</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>being sent</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>conflict: changed on the server meanwhile (see the Conflicts queue)</source>
        <translation>conflict: changed on the server meanwhile (see the Conflicts queue)</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>refused: %1</translation>
    </message>
    <message>
        <source>taken back</source>
        <translation>taken back</translation>
    </message>
    <message>
        <source>left out: %1</source>
        <translation>left out: %1</translation>
    </message>
    <message>
        <source>Sent: %1 · waiting: %2 · conflicts: %3 · refused: %4 · taken back: %5 · left out: %6</source>
        <translation>Sent: %1 · waiting: %2 · conflicts: %3 · refused: %4 · taken back: %5 · left out: %6</translation>
    </message>
    <message>
        <source>Not everything could be taken back: %1</source>
        <translation>Not everything could be taken back: %1</translation>
    </message>
</context>
<context>
    <name>rd::CacheKeys</name>
    <message>
        <source>This computer has no credential store to keep the cache&apos;s key in.</source>
        <translation>This computer has no credential store to keep the cache&apos;s key in.</translation>
    </message>
    <message>
        <source>The administrator asks for a passphrase to protect the local cache.</source>
        <translation>The administrator asks for a passphrase to protect the local cache.</translation>
    </message>
</context>
<context>
    <name>rd::CacheUnlock</name>
    <message>
        <source>The passphrase in REGIONDESK_CACHE_PASSPHRASE does not unlock the local cache %1.</source>
        <translation>The passphrase in REGIONDESK_CACHE_PASSPHRASE does not unlock the local cache %1.</translation>
    </message>
    <message>
        <source>This passphrase does not unlock the local cache.</source>
        <translation>This passphrase does not unlock the local cache.</translation>
    </message>
    <message>
        <source>Encrypting the complaints kept on this computer. This is done once; the larger the cache, the longer it takes.</source>
        <translation>Encrypting the complaints kept on this computer. This is done once; the larger the cache, the longer it takes.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Encrypting the local cache</source>
        <translation>Encrypting the local cache</translation>
    </message>
    <message>
        <source>RegionDesk</source>
        <translation>RegionDesk</translation>
    </message>
    <message>
        <source>The complaints of %1 kept on this computer are encrypted, and their key is not here any more (the system&apos;s credential store lost it, or the cache came from another user or computer). RegionDesk can set the cache aside and download the complaints again; drafts and actions not yet sent cannot be read without the old key.</source>
        <translation>The complaints of %1 kept on this computer are encrypted, and their key is not here any more (the system&apos;s credential store lost it, or the cache came from another user or computer). RegionDesk can set the cache aside and download the complaints again; drafts and actions not yet sent cannot be read without the old key.</translation>
    </message>
    <message>
        <source>Set aside and start again</source>
        <translation>Set aside and start again</translation>
    </message>
    <message>
        <source>The local cache %1 was left as it is.</source>
        <translation>The local cache %1 was left as it is.</translation>
    </message>
    <message>
        <source>The passphrase in REGIONDESK_CACHE_PASSPHRASE is too short: a new one has at least %1 characters.</source>
        <translation>The passphrase in REGIONDESK_CACHE_PASSPHRASE is too short: a new one has at least %1 characters.</translation>
    </message>
    <message>
        <source>Encrypting the local cache was cancelled, so it stays closed: RegionDesk opens it only encrypted. Nothing was lost; the next start goes on from there.</source>
        <translation>Encrypting the local cache was cancelled, so it stays closed: RegionDesk opens it only encrypted. Nothing was lost; the next start goes on from there.</translation>
    </message>
    <message>
        <source>The complaints of %1 kept on this computer are encrypted with a key in the system&apos;s credential store, which did not answer. Unlock the credential store (or start its service), then try again.</source>
        <translation>The complaints of %1 kept on this computer are encrypted with a key in the system&apos;s credential store, which did not answer. Unlock the credential store (or start its service), then try again.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>The local cache %1 stays locked until the credential store gives its key.</source>
        <translation>The local cache %1 stays locked until the credential store gives its key.</translation>
    </message>
</context>
<context>
    <name>rd::ComplaintView</name>
    <message>
        <source>Show on &amp;map</source>
        <translation>Show on &amp;map</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Agency:</source>
        <translation>Agency:</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>District:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Filed:</source>
        <translation>Filed:</translation>
    </message>
    <message>
        <source>Answer due:</source>
        <translation>Answer due:</translation>
    </message>
    <message>
        <source>Votes:</source>
        <translation>Votes:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Author:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Answer:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <source>Complaint text (read-only)</source>
        <translation>Complaint text (read-only)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Category %1</translation>
    </message>
    <message>
        <source>not yet assigned</source>
        <translation>not yet assigned</translation>
    </message>
    <message>
        <source>Agency %1</source>
        <translation>Agency %1</translation>
    </message>
    <message>
        <source>filed</source>
        <translation>filed</translation>
    </message>
    <message>
        <source>published</source>
        <translation>published</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>marked as duplicate</source>
        <translation>marked as duplicate</translation>
    </message>
    <message>
        <source>re-routed</source>
        <translation>re-routed</translation>
    </message>
    <message>
        <source>text edited for publication</source>
        <translation>text edited for publication</translation>
    </message>
    <message>
        <source>resolution deadline set</source>
        <translation>resolution deadline set</translation>
    </message>
    <message>
        <source>deadline extended</source>
        <translation>deadline extended</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>solved</translation>
    </message>
    <message>
        <source>refused with reasons</source>
        <translation>refused with reasons</translation>
    </message>
    <message>
        <source>internal note</source>
        <translation>internal note</translation>
    </message>
    <message>
        <source>fix confirmed by the citizen</source>
        <translation>fix confirmed by the citizen</translation>
    </message>
    <message>
        <source>fix contested by the citizen</source>
        <translation>fix contested by the citizen</translation>
    </message>
    <message>
        <source>vote</source>
        <translation>vote</translation>
    </message>
    <message>
        <source>No complaint chosen. Pick one in the queue (arrow keys, J and K).</source>
        <translation>No complaint chosen. Pick one in the queue (arrow keys, J and K).</translation>
    </message>
    <message>
        <source>No. %1 · %2</source>
        <translation>No. %1 · %2</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>not known</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) ago)</source>
        <translation>
            <numerusform>%1 (%n day ago)</numerusform>
            <numerusform>%1 (%n days ago)</numerusform>
        </translation>
    </message>
    <message>
        <source>set when published</source>
        <translation>set when published</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Solved: %1</source>
        <translation>Solved: %1</translation>
    </message>
    <message>
        <source>To be fixed by %1: %2</source>
        <translation>To be fixed by %1: %2</translation>
    </message>
    <message>
        <source>Extended: %1</source>
        <translation>Extended: %1</translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>Refused (%1): %2</translation>
    </message>
    <message>
        <source>Duplicate of No. %1</source>
        <translation>Duplicate of No. %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <source>Citizen: %1</source>
        <translation>Citizen: %1</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>evidence</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>photo</translation>
    </message>
    <message>
        <source>Open the photo (%1 × %2)</source>
        <translation>Open the photo (%1 × %2)</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Photo %1</translation>
    </message>
    <message>
        <source>before: «%1» → after: «%2»</source>
        <translation>before: «%1» → after: «%2»</translation>
    </message>
    <message>
        <source>before</source>
        <translation>before</translation>
    </message>
    <message>
        <source>after</source>
        <translation>after</translation>
    </message>
    <message>
        <source>The history is loaded from the server when you are online.</source>
        <translation>The history is loaded from the server when you are online.</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>Photo of complaint No. %1</source>
        <translation>Photo of complaint No. %1</translation>
    </message>
    <message>
        <source>Click to show it on the map</source>
        <translation>Click to show it on the map</translation>
    </message>
    <message>
        <source>returned to moderation</source>
        <translation>returned to moderation</translation>
    </message>
    <message>
        <source>the applicant</source>
        <translation>the applicant</translation>
    </message>
    <message>
        <source>Opens the map at this complaint&apos;s place</source>
        <translation>Opens the map at this complaint&apos;s place</translation>
    </message>
    <message>
        <source>What the citizen wrote, as published</source>
        <translation>What the citizen wrote, as published</translation>
    </message>
    <message>
        <source>Everything done to the complaint, oldest first: when, who, what; a changed text opens to show before and after</source>
        <translation>Everything done to the complaint, oldest first: when, who, what; a changed text opens to show before and after</translation>
    </message>
</context>
<context>
    <name>rd::ConflictDialog</name>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>solved</translation>
    </message>
    <message>
        <source>resolution deadline</source>
        <translation>resolution deadline</translation>
    </message>
    <message>
        <source>refusal</source>
        <translation>refusal</translation>
    </message>
    <message>
        <source>Version %1, changed %2</source>
        <translation>Version %1, changed %2</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Category: %1</translation>
    </message>
    <message>
        <source>Agency: %1</source>
        <translation>Agency: %1</translation>
    </message>
    <message>
        <source>Answer (%1): %2</source>
        <translation>Answer (%1): %2</translation>
    </message>
    <message>
        <source>Promised by: %1</source>
        <translation>Promised by: %1</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
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
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Answer text</source>
        <translation>Answer text</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Citizen&apos;s feedback</source>
        <translation>Citizen&apos;s feedback</translation>
    </message>
    <message>
        <source>Written for version %1</source>
        <translation>Written for version %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>Ground: %1</source>
        <translation>Ground: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Complaint No. %1 changed while you worked</source>
        <translation>Complaint No. %1 changed while you worked</translation>
    </message>
    <message>
        <source>Someone changed this complaint on the server after you wrote your action, so it was not applied. Compare, then apply your action to the new version, edit it, or discard it.</source>
        <translation>Someone changed this complaint on the server after you wrote your action, so it was not applied. Compare, then apply your action to the new version, edit it, or discard it.</translation>
    </message>
    <message>
        <source>The server&apos;s record is not in the cache yet; it arrives with the next synchronisation.</source>
        <translation>The server&apos;s record is not in the cache yet; it arrives with the next synchronisation.</translation>
    </message>
    <message>
        <source>Your action</source>
        <translation>Your action</translation>
    </message>
    <message>
        <source>The server&apos;s record now</source>
        <translation>The server&apos;s record now</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>&amp;Apply my action to the new version</source>
        <translation>&amp;Apply my action to the new version</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
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
    <name>rd::Deadlines</name>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::DeskClient</name>
    <message>
        <source>The server&apos;s history of complaint %1 cannot be read (entries[%2].%3). The history shown may be incomplete.</source>
        <translation>The server&apos;s history of complaint %1 cannot be read (entries[%2].%3). The history shown may be incomplete.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <source>%1 is %2 MB; a photo may be at most 5 MB. Make it smaller first.</source>
        <translation>%1 is %2 MB; a photo may be at most 5 MB. Make it smaller first.</translation>
    </message>
    <message>
        <source>%1 is not a JPEG or PNG photo.</source>
        <translation>%1 is not a JPEG or PNG photo.</translation>
    </message>
    <message>
        <source>Photos are uploaded as you attach them; this needs the server. Attach them again when you are online.</source>
        <translation>Photos are uploaded as you attach them; this needs the server. Attach them again when you are online.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the upload cannot be read.</source>
        <translation>The server&apos;s answer to the upload cannot be read.</translation>
    </message>
    <message>
        <source>The server&apos;s history of complaint %1 cannot be read. The history shown may be incomplete.</source>
        <translation>The server&apos;s history of complaint %1 cannot be read. The history shown may be incomplete.</translation>
    </message>
</context>
<context>
    <name>rd::DeskShell</name>
    <message>
        <source>You have signed out. Your drafts and unsent actions stay on this computer.</source>
        <translation>You have signed out. Your drafts and unsent actions stay on this computer.</translation>
    </message>
    <message>
        <source>Sign in to send your work and receive changes.</source>
        <translation>Sign in to send your work and receive changes.</translation>
    </message>
    <message>
        <source>The local cache stays locked until its passphrase is given.</source>
        <translation>The local cache stays locked until its passphrase is given.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Your administrator requires this computer&apos;s copy of your complaints to be wiped when you sign out.</source>
        <translation>Your administrator requires this computer&apos;s copy of your complaints to be wiped when you sign out.</translation>
    </message>
    <message>
        <source>Keep this computer&apos;s copy of your complaints for working offline, or wipe it?</source>
        <translation>Keep this computer&apos;s copy of your complaints for working offline, or wipe it?</translation>
    </message>
    <message>
        <source>Wiping removes the local cache, its photos and its key from this computer; signing in again downloads your complaints anew.</source>
        <translation>Wiping removes the local cache, its photos and its key from this computer; signing in again downloads your complaints anew.</translation>
    </message>
    <message numerus="yes">
        <source>Not yet sent: %n action(s)</source>
        <translation>
            <numerusform>Not yet sent: %n action</numerusform>
            <numerusform>Not yet sent: %n actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n draft</numerusform>
            <numerusform>%n drafts</numerusform>
        </translation>
    </message>
    <message>
        <source>Wiping now loses them; cancel and synchronise first to keep them.</source>
        <translation>Wiping now loses them; cancel and synchronise first to keep them.</translation>
    </message>
    <message>
        <source>Sign out and &amp;wipe</source>
        <translation>Sign out and &amp;wipe</translation>
    </message>
    <message>
        <source>Sign out and &amp;keep</source>
        <translation>Sign out and &amp;keep</translation>
    </message>
    <message>
        <source>This computer&apos;s copy of your complaints was wiped. Sign in to download them again.</source>
        <translation>This computer&apos;s copy of your complaints was wiped. Sign in to download them again.</translation>
    </message>
    <message>
        <source>This computer&apos;s copy could not be removed completely; remove these files by hand:
%1</source>
        <translation>This computer&apos;s copy could not be removed completely; remove these files by hand:
%1</translation>
    </message>
</context>
<context>
    <name>rd::DeskStatusBar</name>
    <message>
        <source>Synchronise now</source>
        <translation>Synchronise now</translation>
    </message>
    <message>
        <source>Show the outbox</source>
        <translation>Show the outbox</translation>
    </message>
    <message>
        <source>Show the conflicts</source>
        <translation>Show the conflicts</translation>
    </message>
    <message>
        <source>Stop the synchronisation</source>
        <translation>Stop the synchronisation</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Offline: not signed in</source>
        <translation>Offline: not signed in</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Synchronised %1</source>
        <translation>Synchronised %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Not synchronised yet</translation>
    </message>
    <message>
        <source>Sent %1 of %2 action(s); received %3 complaint(s)</source>
        <translation>Sent %1 of %2 action(s); received %3 complaint(s)</translation>
    </message>
    <message>
        <source>Outbox: %1 (%2 refused)</source>
        <translation>Outbox: %1 (%2 refused)</translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>Outbox: %1</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <source>Search may miss the newest complaints: %1 It resumes with the next synchronisation.</source>
        <translation>Search may miss the newest complaints: %1 It resumes with the next synchronisation.</translation>
    </message>
    <message>
        <source>Send the held actions now, without waiting</source>
        <translation>Send the held actions now, without waiting</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Sending in %1 s — Ctrl+Z undoes</source>
        <translation>Sending in %1 s — Ctrl+Z undoes</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n action(s), the first in %1 s — Ctrl+Z undoes the last</source>
        <translation>
            <numerusform>Sending %n action, the first in %1 s — Ctrl+Z undoes the last</numerusform>
            <numerusform>Sending %n actions, the first in %1 s — Ctrl+Z undoes the last</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) wait before they are sent; the last goes in %1 s. Ctrl+Z takes back the last one, Send now sends them all at once.</source>
        <translation>
            <numerusform>%n action waits before it is sent; it goes in %1 s. Ctrl+Z takes it back, Send now sends it at once.</numerusform>
            <numerusform>%n actions wait before they are sent; the last goes in %1 s. Ctrl+Z takes back the last one, Send now sends them all at once.</numerusform>
        </translation>
    </message>
    <message>
        <source>The action waits before it is sent, so that Ctrl+Z can still take it back. Send now sends it at once.</source>
        <translation>The action waits before it is sent, so that Ctrl+Z can still take it back. Send now sends it at once.</translation>
    </message>
</context>
<context>
    <name>rd::DeskWindow</name>
    <message>
        <source>No. %1 published.</source>
        <translation>No. %1 published.</translation>
    </message>
    <message>
        <source>No. %1 rejected.</source>
        <translation>No. %1 rejected.</translation>
    </message>
    <message>
        <source>No. %1 marked as a duplicate.</source>
        <translation>No. %1 marked as a duplicate.</translation>
    </message>
    <message>
        <source>No. %1: %2 queued.</source>
        <translation>No. %1: %2 queued.</translation>
    </message>
    <message>
        <source>RegionDesk</source>
        <translation>RegionDesk</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <source>Ma&amp;p</source>
        <translation>Ma&amp;p</translation>
    </message>
    <message>
        <source>RegionDesk — %1</source>
        <translation>RegionDesk — %1</translation>
    </message>
    <message>
        <source>RegionDesk — %1 (offline)</source>
        <translation>RegionDesk — %1 (offline)</translation>
    </message>
    <message>
        <source>&amp;Moderation</source>
        <translation>&amp;Moderation</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>A&amp;nswer and notes</source>
        <translation>A&amp;nswer and notes</translation>
    </message>
    <message>
        <source>Your action “%1” waits in the outbox.</source>
        <translation>Your action “%1” waits in the outbox.</translation>
    </message>
    <message>
        <source>Your action “%1” waits in the outbox: %2</source>
        <translation>Your action “%1” waits in the outbox: %2</translation>
    </message>
    <message>
        <source>The server refused your action “%1”: %2. It is back in your draft.</source>
        <translation>The server refused your action “%1”: %2. It is back in your draft.</translation>
    </message>
    <message>
        <source>The complaint changed on the server before your action “%1” arrived. Use Complaint ▸ Resolve conflict (Ctrl+Shift+R).</source>
        <translation>The complaint changed on the server before your action “%1” arrived. Use Complaint ▸ Resolve conflict (Ctrl+Shift+R).</translation>
    </message>
    <message>
        <source>It is no longer assigned to you; kept for your unsent work.</source>
        <translation>It is no longer assigned to you; kept for your unsent work.</translation>
    </message>
    <message>
        <source>No. %1 cannot be changed that way in its state.</source>
        <translation>No. %1 cannot be changed that way in its state.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>The action could not be put in the outbox: %1</source>
        <translation>The action could not be put in the outbox: %1</translation>
    </message>
    <message>
        <source>It will be sent with the next synchronisation; Ctrl+Z takes it back until then.</source>
        <translation>It will be sent with the next synchronisation; Ctrl+Z takes it back until then.</translation>
    </message>
    <message>
        <source>Undone: No. %1 is as it was.</source>
        <translation>Undone: No. %1 is as it was.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>&amp;Synchronise now</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>Sign &amp;in…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
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
        <source>&amp;Undo last action</source>
        <translation>&amp;Undo last action</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>&amp;Clear filters</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>&amp;Queues</translation>
    </message>
    <message>
        <source>Complaint &amp;list</source>
        <translation>Complaint &amp;list</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <source>&amp;Answer or moderation</source>
        <translation>&amp;Answer or moderation</translation>
    </message>
    <message>
        <source>Complaint &amp;below the list</source>
        <translation>Complaint &amp;below the list</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>&amp;Complaint</source>
        <translation>&amp;Complaint</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publish</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Reject…</translation>
    </message>
    <message>
        <source>Mark &amp;duplicate…</source>
        <translation>Mark &amp;duplicate…</translation>
    </message>
    <message>
        <source>Re-ro&amp;ute…</source>
        <translation>Re-ro&amp;ute…</translation>
    </message>
    <message>
        <source>&amp;Edit text for publication…</source>
        <translation>&amp;Edit text for publication…</translation>
    </message>
    <message>
        <source>Ask &amp;before moderation actions</source>
        <translation>Ask &amp;before moderation actions</translation>
    </message>
    <message>
        <source>Answer: &amp;solved</source>
        <translation>Answer: &amp;solved</translation>
    </message>
    <message>
        <source>Answer: &amp;deadline</source>
        <translation>Answer: &amp;deadline</translation>
    </message>
    <message>
        <source>Answer: re&amp;fusal</source>
        <translation>Answer: re&amp;fusal</translation>
    </message>
    <message>
        <source>Internal &amp;note</source>
        <translation>Internal &amp;note</translation>
    </message>
    <message>
        <source>Resolve &amp;conflict…</source>
        <translation>Resolve &amp;conflict…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About RegionDesk</source>
        <translation>&amp;About RegionDesk</translation>
    </message>
    <message>
        <source>About RegionDesk</source>
        <translation>About RegionDesk</translation>
    </message>
    <message>
        <source>RegionDesk %1: the desk for officials who answer citizens&apos; complaints.</source>
        <translation>RegionDesk %1: the desk for officials who answer citizens&apos; complaints.</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Colours</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Reports…</translation>
    </message>
    <message>
        <source>Map &amp;beside the list</source>
        <translation>Map &amp;beside the list</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copy &amp;diagnostics</translation>
    </message>
    <message>
        <source>Version, settings (no passwords), synchronisation state and the last log lines, for a support request</source>
        <translation>Version, settings (no passwords), synchronisation state and the last log lines, for a support request</translation>
    </message>
    <message>
        <source>Diagnostics copied: paste them into your support request.</source>
        <translation>Diagnostics copied: paste them into your support request.</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Set by your administrator</translation>
    </message>
    <message>
        <source>Map &amp;tiles…</source>
        <translation>Map &amp;tiles…</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>Not undone</translation>
    </message>
    <message>
        <source>The local store could not take the action back: %1</source>
        <translation>The local store could not take the action back: %1</translation>
    </message>
    <message>
        <source>Publish complaint No. %1 as “%2” and route it to %3?</source>
        <translation>Publish complaint No. %1 as “%2” and route it to %3?</translation>
    </message>
    <message>
        <source>Reject complaint No. %1 with the reason “%2”?</source>
        <translation>Reject complaint No. %1 with the reason “%2”?</translation>
    </message>
    <message>
        <source>Mark complaint No. %1 as a duplicate of No. %2?</source>
        <translation>Mark complaint No. %1 as a duplicate of No. %2?</translation>
    </message>
    <message>
        <source>Route complaint No. %1 to %2 instead?</source>
        <translation>Route complaint No. %1 to %2 instead?</translation>
    </message>
    <message>
        <source>Save the edited text of complaint No. %1 for publication?</source>
        <translation>Save the edited text of complaint No. %1 for publication?</translation>
    </message>
    <message>
        <source>Unsent work</source>
        <translation>Unsent work</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) have not reached the server yet.</source>
        <translation>
            <numerusform>%n action has not reached the server yet.</numerusform>
            <numerusform>%n actions have not reached the server yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) were refused or are in conflict and need you.</source>
        <translation>
            <numerusform>%n action was refused or is in conflict and needs you.</numerusform>
            <numerusform>%n actions were refused or are in conflict and need you.</numerusform>
        </translation>
    </message>
    <message>
        <source>They are kept on this computer. Send them now, or they go out the next time RegionDesk is online.</source>
        <translation>They are kept on this computer. Send them now, or they go out the next time RegionDesk is online.</translation>
    </message>
    <message>
        <source>They are kept on this computer and go out the next time RegionDesk is online.</source>
        <translation>They are kept on this computer and go out the next time RegionDesk is online.</translation>
    </message>
    <message>
        <source>&amp;Send, then quit</source>
        <translation>&amp;Send, then quit</translation>
    </message>
    <message>
        <source>&amp;Quit; send later</source>
        <translation>&amp;Quit; send later</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>&amp;Keep working</translation>
    </message>
    <message>
        <source>Sending, then quitting…</source>
        <translation>Sending, then quitting…</translation>
    </message>
    <message>
        <source>Not everything could be sent; RegionDesk stays open.</source>
        <translation>Not everything could be sent; RegionDesk stays open.</translation>
    </message>
    <message>
        <source>&amp;Compare with the possible original…</source>
        <translation>&amp;Compare with the possible original…</translation>
    </message>
    <message>
        <source>No. %1 has no complaint of its category nearby to compare with.</source>
        <translation>No. %1 has no complaint of its category nearby to compare with.</translation>
    </message>
    <message>
        <source>Re&amp;turn to moderation…</source>
        <translation>Re&amp;turn to moderation…</translation>
    </message>
    <message>
        <source>J / K or ↓ / ↑: next / previous complaint
P: publish · R: reject · D: mark duplicate · U: re-route · E: edit text · M: return to moderation (moderators)
Ctrl+Shift+S / D / X: answer solved / deadline / refusal · Ctrl+Shift+N: note
Ctrl+Enter: send the answer · Ctrl+Z: undo the last action until it is sent
Ctrl+F: search · Ctrl+1 / 2 / 3: queues / list / answer · Ctrl+M: map · F5: synchronise
Map: + / −: zoom · arrows: pan · Home: show all · G: my agency&apos;s area · H: heat layer · A: narrow the queue to the view · Shift+drag: to a rectangle · Ctrl+drag: to a free-form area · Esc: whole map · Ctrl+Shift+M: map beside the list</source>
        <translation>J / K or ↓ / ↑: next / previous complaint
P: publish · R: reject · D: mark duplicate · U: re-route · E: edit text · M: return to moderation (moderators)
Ctrl+Shift+S / D / X: answer solved / deadline / refusal · Ctrl+Shift+N: note
Ctrl+Enter: send the answer · Ctrl+Z: undo the last action until it is sent
Ctrl+F: search · Ctrl+1 / 2 / 3: queues / list / answer · Ctrl+M: map · F5: synchronise
Map: + / −: zoom · arrows: pan · Home: show all · G: my agency&apos;s area · H: heat layer · A: narrow the queue to the view · Shift+drag: to a rectangle · Ctrl+drag: to a free-form area · Esc: whole map · Ctrl+Shift+M: map beside the list</translation>
    </message>
    <message>
        <source>Why Undo cannot</source>
        <translation>Why Undo cannot</translation>
    </message>
    <message>
        <source>Send held actions &amp;now</source>
        <translation>Send held actions &amp;now</translation>
    </message>
    <message>
        <source>Sends the actions waiting for Undo at once</source>
        <translation>Sends the actions waiting for Undo at once</translation>
    </message>
    <message>
        <source>&amp;Hold before sending</source>
        <translation>&amp;Hold before sending</translation>
    </message>
    <message>
        <source>Send at once</source>
        <translation>Send at once</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From now on an action waits %n s before it is sent; Ctrl+Z takes it back until then.</source>
        <translation>
            <numerusform>From now on an action waits %n s before it is sent; Ctrl+Z takes it back until then.</numerusform>
            <numerusform>From now on an action waits %n s before it is sent; Ctrl+Z takes it back until then.</numerusform>
        </translation>
    </message>
    <message>
        <source>From now on an action is sent at once; Ctrl+Z takes it back only until the next synchronisation.</source>
        <translation>From now on an action is sent at once; Ctrl+Z takes it back only until the next synchronisation.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>The held actions could not be released: %1</source>
        <translation>The held actions could not be released: %1</translation>
    </message>
    <message>
        <source>No action is held.</source>
        <translation>No action is held.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n action(s) now.</source>
        <translation>
            <numerusform>Sending %n action now.</numerusform>
            <numerusform>Sending %n actions now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) no longer held: they are sent once you are signed in.</source>
        <translation>
            <numerusform>%n action no longer held: it is sent once you are signed in.</numerusform>
            <numerusform>%n actions no longer held: they are sent once you are signed in.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo: already sent</source>
        <translation>&amp;Undo: already sent</translation>
    </message>
    <message>
        <source>Takes back No. %1 (%2) while it waits to be sent</source>
        <translation>Takes back No. %1 (%2) while it waits to be sent</translation>
    </message>
    <message>
        <source>Nothing to undo: none of your actions waits to be sent.</source>
        <translation>Nothing to undo: none of your actions waits to be sent.</translation>
    </message>
    <message>
        <source>No. %1 is already sent: to reverse it, use Return to moderation (M).</source>
        <translation>No. %1 is already sent: to reverse it, use Return to moderation (M).</translation>
    </message>
    <message>
        <source>No. %1 is already sent: Undo cannot take it back.</source>
        <translation>No. %1 is already sent: Undo cannot take it back.</translation>
    </message>
    <message>
        <source>No. %1 returned to moderation.</source>
        <translation>No. %1 returned to moderation.</translation>
    </message>
    <message>
        <source>Ctrl+Z takes it back until it is sent.</source>
        <translation>Ctrl+Z takes it back until it is sent.</translation>
    </message>
    <message>
        <source>&amp;Save the filters as a queue…</source>
        <translation>&amp;Save the filters as a queue…</translation>
    </message>
    <message>
        <source>Names what the filters show in this queue as a queue of your own</source>
        <translation>Names what the filters show in this queue as a queue of your own</translation>
    </message>
    <message>
        <source>Re&amp;name this queue…</source>
        <translation>Re&amp;name this queue…</translation>
    </message>
    <message>
        <source>Remo&amp;ve this queue</source>
        <translation>Remo&amp;ve this queue</translation>
    </message>
    <message numerus="yes">
        <source>%n saved queue(s) could not be read and are not shown.</source>
        <translation>
            <numerusform>%n saved queue could not be read and is not shown.</numerusform>
            <numerusform>%n saved queues could not be read and are not shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your saved queues could not be read: %1</source>
        <translation>Your saved queues could not be read: %1</translation>
    </message>
    <message>
        <source>Saved queues</source>
        <translation>Saved queues</translation>
    </message>
    <message>
        <source>Your saved queues could not be saved: %1</source>
        <translation>Your saved queues could not be saved: %1</translation>
    </message>
    <message>
        <source>Save the filters as a queue</source>
        <translation>Save the filters as a queue</translation>
    </message>
    <message>
        <source>Set the filters first (search, category, agency, state, due dates, votes or a map area): the queue you save is this one with them.</source>
        <translation>Set the filters first (search, category, agency, state, due dates, votes or a map area): the queue you save is this one with them.</translation>
    </message>
    <message>
        <source>&amp;Name of the queue:</source>
        <translation>&amp;Name of the queue:</translation>
    </message>
    <message>
        <source>A queue&apos;s name is 1 to %1 characters.</source>
        <translation>A queue&apos;s name is 1 to %1 characters.</translation>
    </message>
    <message>
        <source>You have %1 saved queues, as many as can be kept: remove one first.</source>
        <translation>You have %1 saved queues, as many as can be kept: remove one first.</translation>
    </message>
    <message>
        <source>You have a queue named “%1”. Replace it?</source>
        <translation>You have a queue named “%1”. Replace it?</translation>
    </message>
    <message>
        <source>Saved as the queue “%1”.</source>
        <translation>Saved as the queue “%1”.</translation>
    </message>
    <message>
        <source>Rename the queue</source>
        <translation>Rename the queue</translation>
    </message>
    <message>
        <source>A queue&apos;s name is 1 to %1 characters, and not one you have already.</source>
        <translation>A queue&apos;s name is 1 to %1 characters, and not one you have already.</translation>
    </message>
    <message>
        <source>Remove your queue “%1”? The complaints stay where they are.</source>
        <translation>Remove your queue “%1”? The complaints stay where they are.</translation>
    </message>
    <message>
        <source>The queue as a list (Ctrl+2)</source>
        <translation>The queue as a list (Ctrl+2)</translation>
    </message>
    <message>
        <source>The queue on the map (Ctrl+M)</source>
        <translation>The queue on the map (Ctrl+M)</translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation>The complaint</translation>
    </message>
    <message>
        <source>The open complaint: its text, place, photos and history; the arrow keys scroll</source>
        <translation>The open complaint: its text, place, photos and history; the arrow keys scroll</translation>
    </message>
    <message>
        <source>Publish, reject, mark a duplicate, re-route or edit the open complaint</source>
        <translation>Publish, reject, mark a duplicate, re-route or edit the open complaint</translation>
    </message>
    <message>
        <source>Internal notes on the open complaint, for staff only</source>
        <translation>Internal notes on the open complaint, for staff only</translation>
    </message>
    <message>
        <source>The agency&apos;s answer to the open complaint, and internal notes (Ctrl+3)</source>
        <translation>The agency&apos;s answer to the open complaint, and internal notes (Ctrl+3)</translation>
    </message>
    <message>
        <source>For the se&amp;lected</source>
        <translation>For the se&amp;lected</translation>
    </message>
    <message>
        <source>Select &amp;all in the queue (up to %1)</source>
        <translation>Select &amp;all in the queue (up to %1)</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Select all</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) selected.</source>
        <translation>
            <numerusform>%n complaint selected.</numerusform>
            <numerusform>%n complaints selected.</numerusform>
        </translation>
    </message>
    <message>
        <source>The actions could not be put in the outbox: %1</source>
        <translation>The actions could not be put in the outbox: %1</translation>
    </message>
    <message>
        <source>%1 queued, %2 left out.</source>
        <translation>%1 queued, %2 left out.</translation>
    </message>
    <message numerus="yes">
        <source>The queue holds %n complaint(s); one action takes at most %1. Select the first %1?</source>
        <translation>
            <numerusform>The queue holds %n complaint; one action takes at most %1. Select the first %1?</numerusform>
            <numerusform>The queue holds %n complaints; one action takes at most %1. Select the first %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>The local store could not take all of them back: %1</source>
        <translation>The local store could not take all of them back: %1</translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n complaint(s) are as they were.</source>
        <translation>
            <numerusform>Undone: %n complaint is as it was.</numerusform>
            <numerusform>Undone: %n complaints are as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Takes back %1 for the %n complaint(s) of it still waiting</source>
        <translation>
            <numerusform>Takes back %1 for the %n complaint of it still waiting</numerusform>
            <numerusform>Takes back %1 for the %n complaints of it still waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::DuplicateCompareDialog</name>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>the same day</source>
        <translation>the same day</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) earlier</source>
        <translation>
            <numerusform>%n day earlier</numerusform>
            <numerusform>%n days earlier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) later</source>
        <translation>
            <numerusform>%n day later</numerusform>
            <numerusform>%n days later</numerusform>
        </translation>
    </message>
    <message>
        <source>Is No. %1 a duplicate of No. %2?</source>
        <translation>Is No. %1 a duplicate of No. %2?</translation>
    </message>
    <message>
        <source>%1 apart; filed %2.</source>
        <translation>%1 apart; filed %2.</translation>
    </message>
    <message>
        <source>This complaint: No. %1</source>
        <translation>This complaint: No. %1</translation>
    </message>
    <message>
        <source>Possible original: No. %1</source>
        <translation>Possible original: No. %1</translation>
    </message>
    <message>
        <source>&amp;Mark No. %1 as a duplicate of No. %2</source>
        <translation>&amp;Mark No. %1 as a duplicate of No. %2</translation>
    </message>
    <message>
        <source>&amp;Not a duplicate: close</source>
        <translation>&amp;Not a duplicate: close</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>another category</source>
        <translation>another category</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Filed:</source>
        <translation>Filed:</translation>
    </message>
    <message>
        <source>Votes:</source>
        <translation>Votes:</translation>
    </message>
    <message>
        <source>Text of No. %1</source>
        <translation>Text of No. %1</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>photo</translation>
    </message>
    <message>
        <source>No photos.</source>
        <translation>No photos.</translation>
    </message>
</context>
<context>
    <name>rd::FilterBar</name>
    <message>
        <source>Search text and address (Ctrl+F)</source>
        <translation>Search text and address (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Any state</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>D&amp;ue</translation>
    </message>
    <message>
        <source>Only complaints whose answer is due in this range</source>
        <translation>Only complaints whose answer is due in this range</translation>
    </message>
    <message>
        <source>Due from</source>
        <translation>Due from</translation>
    </message>
    <message>
        <source>Due to</source>
        <translation>Due to</translation>
    </message>
    <message>
        <source>votes ≥ </source>
        <translation>votes ≥ </translation>
    </message>
    <message>
        <source>Minimum votes</source>
        <translation>Minimum votes</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Any category</translation>
    </message>
    <message>
        <source>Any agency</source>
        <translation>Any agency</translation>
    </message>
    <message>
        <source>Map area ✕</source>
        <translation>Map area ✕</translation>
    </message>
    <message>
        <source>Only complaints inside the area chosen on the map; click to show the whole queue again</source>
        <translation>Only complaints inside the area chosen on the map; click to show the whole queue again</translation>
    </message>
    <message>
        <source>Clear the map area</source>
        <translation>Clear the map area</translation>
    </message>
    <message>
        <source>Only complaints with at least this many votes</source>
        <translation>Only complaints with at least this many votes</translation>
    </message>
</context>
<context>
    <name>rd::MapButtons</name>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <source>Show all (Home)</source>
        <translation>Show all (Home)</translation>
    </message>
    <message>
        <source>My agency&apos;s area (G)</source>
        <translation>My agency&apos;s area (G)</translation>
    </message>
    <message>
        <source>Heat layer (H)</source>
        <translation>Heat layer (H)</translation>
    </message>
    <message>
        <source>Narrow the queue to an area: drag a rectangle (or Shift+drag; A: what is in view)</source>
        <translation>Narrow the queue to an area: drag a rectangle (or Shift+drag; A: what is in view)</translation>
    </message>
    <message>
        <source>Whole map again (Esc)</source>
        <translation>Whole map again (Esc)</translation>
    </message>
    <message>
        <source>&amp;Markers</source>
        <translation>&amp;Markers</translation>
    </message>
    <message>
        <source>Heat by &amp;number of complaints</source>
        <translation>Heat by &amp;number of complaints</translation>
    </message>
    <message>
        <source>Heat by &amp;votes</source>
        <translation>Heat by &amp;votes</translation>
    </message>
</context>
<context>
    <name>rd::MapNotice</name>
    <message>
        <source>Choose a map…</source>
        <translation>Choose a map…</translation>
    </message>
    <message>
        <source>Choose where the map&apos;s pictures come from: OpenStreetMap, the agency&apos;s map server or a map file</source>
        <translation>Choose where the map&apos;s pictures come from: OpenStreetMap, the agency&apos;s map server or a map file</translation>
    </message>
</context>
<context>
    <name>rd::MapOverlay</name>
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
        <source>Heat: votes</source>
        <translation>Heat: votes</translation>
    </message>
    <message>
        <source>Heat: complaints</source>
        <translation>Heat: complaints</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Your draft</source>
        <translation>Your draft</translation>
    </message>
    <message>
        <source>Larger: more votes</source>
        <translation>Larger: more votes</translation>
    </message>
    <message>
        <source>fewer</source>
        <translation>fewer</translation>
    </message>
    <message>
        <source>more</source>
        <translation>more</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) in the area</source>
        <translation>
            <numerusform>%n complaint in the area</numerusform>
            <numerusform>%n complaints in the area</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::MapSourceDialog</name>
    <message>
        <source>The tile server&apos;s address must start with https:// (or http://) and name a host.</source>
        <translation>The tile server&apos;s address must start with https:// (or http://) and name a host.</translation>
    </message>
    <message>
        <source>The address must contain {z}, {x} and {y} (zoom, column, row), e.g. https://tiles.example.ru/{z}/{x}/{y}.png.</source>
        <translation>The address must contain {z}, {x} and {y} (zoom, column, row), e.g. https://tiles.example.ru/{z}/{x}/{y}.png.</translation>
    </message>
    <message>
        <source>Map tiles</source>
        <translation>Map tiles</translation>
    </message>
    <message>
        <source>&amp;OpenStreetMap (online; tiles kept for offline use as they are seen)</source>
        <translation>&amp;OpenStreetMap (online; tiles kept for offline use as they are seen)</translation>
    </message>
    <message>
        <source>Another &amp;tile server:</source>
        <translation>Another &amp;tile server:</translation>
    </message>
    <message>
        <source>Tile server address</source>
        <translation>Tile server address</translation>
    </message>
    <message>
        <source>An &amp;MBTiles file of the region (offline):</source>
        <translation>An &amp;MBTiles file of the region (offline):</translation>
    </message>
    <message>
        <source>MBTiles file</source>
        <translation>MBTiles file</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;No tiles (complaints on a grid)</source>
        <translation>&amp;No tiles (complaints on a grid)</translation>
    </message>
    <message>
        <source>The map&apos;s tiles are set by your administrator.</source>
        <translation>The map&apos;s tiles are set by your administrator.</translation>
    </message>
    <message>
        <source>MBTiles (*.mbtiles);;All files (*)</source>
        <translation>MBTiles (*.mbtiles);;All files (*)</translation>
    </message>
    <message>
        <source>Choose the MBTiles file.</source>
        <translation>Choose the MBTiles file.</translation>
    </message>
</context>
<context>
    <name>rd::MapWidget</name>
    <message>
        <source>Complaint map</source>
        <translation>Complaint map</translation>
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
    <message>
        <source>No map source is set, so the map shows only the districts and streets the server sent. To see a detailed map, choose one: View ▸ Map tiles…</source>
        <translation>No map source is set, so the map shows only the districts and streets the server sent. To see a detailed map, choose one: View ▸ Map tiles…</translation>
    </message>
    <message>
        <source>No map source is set, and the server has sent no outlines of the city yet: the complaints are shown on a plain grid. To see a map, choose one: View ▸ Map tiles…</source>
        <translation>No map source is set, and the server has sent no outlines of the city yet: the complaints are shown on a plain grid. To see a map, choose one: View ▸ Map tiles…</translation>
    </message>
    <message>
        <source>Meanwhile the map shows the districts and streets the server sent.</source>
        <translation>Meanwhile the map shows the districts and streets the server sent.</translation>
    </message>
    <message>
        <source>The map has not loaded here yet (no network, or not seen here before); meanwhile it shows the districts and streets the server sent.</source>
        <translation>The map has not loaded here yet (no network, or not seen here before); meanwhile it shows the districts and streets the server sent.</translation>
    </message>
    <message>
        <source>The map has not loaded here yet (no network, or not seen here before); meanwhile the complaints are shown on a plain grid.</source>
        <translation>The map has not loaded here yet (no network, or not seen here before); meanwhile the complaints are shown on a plain grid.</translation>
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
    <name>rd::ModerationPanel</name>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publish</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplicate</translation>
    </message>
    <message>
        <source>Re-ro&amp;ute</source>
        <translation>Re-ro&amp;ute</translation>
    </message>
    <message>
        <source>Edi&amp;t text</source>
        <translation>Edi&amp;t text</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tegory:</translation>
    </message>
    <message>
        <source>Responsible &amp;agency:</source>
        <translation>Responsible &amp;agency:</translation>
    </message>
    <message>
        <source>Publish and route (P)</source>
        <translation>Publish and route (P)</translation>
    </message>
    <message>
        <source>Added to the reason for the citizen (optional)</source>
        <translation>Added to the reason for the citizen (optional)</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <source>Comme&amp;nt:</source>
        <translation>Comme&amp;nt:</translation>
    </message>
    <message>
        <source>Reject (R, then Enter)</source>
        <translation>Reject (R, then Enter)</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Or search by number, text or address</source>
        <translation>Or search by number, text or address</translation>
    </message>
    <message>
        <source>Possible originals</source>
        <translation>Possible originals</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Within:</source>
        <translation>Within:</translation>
    </message>
    <message>
        <source>New &amp;agency:</source>
        <translation>New &amp;agency:</translation>
    </message>
    <message>
        <source>Reas&amp;on:</source>
        <translation>Reas&amp;on:</translation>
    </message>
    <message>
        <source>Re-route</source>
        <translation>Re-route</translation>
    </message>
    <message>
        <source>e.g. personal data removed</source>
        <translation>e.g. personal data removed</translation>
    </message>
    <message>
        <source>Text to &amp;publish:</source>
        <translation>Text to &amp;publish:</translation>
    </message>
    <message>
        <source>The citizen&apos;s original text stays in the history.</source>
        <translation>The citizen&apos;s original text stays in the history.</translation>
    </message>
    <message>
        <source>Save the edited text</source>
        <translation>Save the edited text</translation>
    </message>
    <message>
        <source>No complaint of this category within %1 m.</source>
        <translation>No complaint of this category within %1 m.</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) of this category nearby, nearest first.</source>
        <translation>
            <numerusform>%n complaint of this category nearby, nearest first.</numerusform>
            <numerusform>%n complaints of this category nearby, nearest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) found.</source>
        <translation>
            <numerusform>%n complaint found.</numerusform>
            <numerusform>%n complaints found.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>This cannot be done to a complaint in this state.</source>
        <translation>This cannot be done to a complaint in this state.</translation>
    </message>
    <message>
        <source>Choose the category and the responsible agency.</source>
        <translation>Choose the category and the responsible agency.</translation>
    </message>
    <message>
        <source>Choose the original complaint in the list.</source>
        <translation>Choose the original complaint in the list.</translation>
    </message>
    <message>
        <source>Choose the new agency.</source>
        <translation>Choose the new agency.</translation>
    </message>
    <message>
        <source>The complaint is already with this agency.</source>
        <translation>The complaint is already with this agency.</translation>
    </message>
    <message>
        <source>The text is unchanged.</source>
        <translation>The text is unchanged.</translation>
    </message>
    <message>
        <source>Unknown action.</source>
        <translation>Unknown action.</translation>
    </message>
    <message>
        <source>(the service lists no standard reasons: write one)</source>
        <translation>(the service lists no standard reasons: write one)</translation>
    </message>
    <message>
        <source>Write the reason for the citizen: at least %1 characters.</source>
        <translation>Write the reason for the citizen: at least %1 characters.</translation>
    </message>
    <message>
        <source>The reason is too long: at most %1 characters.</source>
        <translation>The reason is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>The text to publish must have %1 to %2 characters.</source>
        <translation>The text to publish must have %1 to %2 characters.</translation>
    </message>
    <message>
        <source>The reason the citizen reads (at least %1 characters)</source>
        <translation>The reason the citizen reads (at least %1 characters)</translation>
    </message>
    <message>
        <source>Choose the reason (↓ in the list), or write one in the comment.</source>
        <translation>Choose the reason (↓ in the list), or write one in the comment.</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>&amp;Compare (C)</source>
        <translation>&amp;Compare (C)</translation>
    </message>
    <message>
        <source>This complaint and the chosen one side by side: text, photos, place and dates</source>
        <translation>This complaint and the chosen one side by side: text, photos, place and dates</translation>
    </message>
    <message>
        <source>Duplicate of the chosen one (D, Enter)</source>
        <translation>Duplicate of the chosen one (D, Enter)</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>Retur&amp;n</source>
        <translation>Retur&amp;n</translation>
    </message>
    <message>
        <source>Why the decision is taken back (kept in the history)</source>
        <translation>Why the decision is taken back (kept in the history)</translation>
    </message>
    <message>
        <source>Return to moderation… (M, Ctrl+Enter)</source>
        <translation>Return to moderation… (M, Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The publication is taken back: the complaint is no longer public, %1 no longer sees it, and it waits in the moderation queue with its category, to be published again or decided otherwise.</source>
        <translation>The publication is taken back: the complaint is no longer public, %1 no longer sees it, and it waits in the moderation queue with its category, to be published again or decided otherwise.</translation>
    </message>
    <message>
        <source>the agency</source>
        <translation>the agency</translation>
    </message>
    <message>
        <source>The rejection is taken back: the complaint waits in the moderation queue to be decided again.</source>
        <translation>The rejection is taken back: the complaint waits in the moderation queue to be decided again.</translation>
    </message>
    <message>
        <source>The mark “duplicate of No. %1” is taken back: the complaint waits in the moderation queue to be decided again.</source>
        <translation>The mark “duplicate of No. %1” is taken back: the complaint waits in the moderation queue to be decided again.</translation>
    </message>
    <message>
        <source>The duplicate mark is taken back: the complaint waits in the moderation queue to be decided again.</source>
        <translation>The duplicate mark is taken back: the complaint waits in the moderation queue to be decided again.</translation>
    </message>
    <message>
        <source>Only a published complaint the agency has not answered yet, a rejected one or a duplicate can go back to moderation.</source>
        <translation>Only a published complaint the agency has not answered yet, a rejected one or a duplicate can go back to moderation.</translation>
    </message>
    <message>
        <source>Return complaint No. %1 to moderation?

%2

The reason “%3” goes in its history.</source>
        <translation>Return complaint No. %1 to moderation?

%2

The reason “%3” goes in its history.</translation>
    </message>
    <message>
        <source>Write why the decision is taken back: %1 to %2 characters.</source>
        <translation>Write why the decision is taken back: %1 to %2 characters.</translation>
    </message>
    <message>
        <source>Publish the complaint and send it to the responsible agency</source>
        <translation>Publish the complaint and send it to the responsible agency</translation>
    </message>
    <message>
        <source>Reject the complaint with a reason the citizen is told</source>
        <translation>Reject the complaint with a reason the citizen is told</translation>
    </message>
    <message>
        <source>Mark the complaint a duplicate of an earlier one</source>
        <translation>Mark the complaint a duplicate of an earlier one</translation>
    </message>
    <message>
        <source>Send the complaint to another agency</source>
        <translation>Send the complaint to another agency</translation>
    </message>
    <message>
        <source>Edit the text to be published (personal data removed)</source>
        <translation>Edit the text to be published (personal data removed)</translation>
    </message>
    <message>
        <source>Take a decision already sent back to moderation</source>
        <translation>Take a decision already sent back to moderation</translation>
    </message>
    <message>
        <source>%1: the decision is queued and sent after the hold</source>
        <translation>%1: the decision is queued and sent after the hold</translation>
    </message>
    <message>
        <source>The category the complaint is published in; it suggests the agency</source>
        <translation>The category the complaint is published in; it suggests the agency</translation>
    </message>
    <message>
        <source>The agency that must answer the complaint</source>
        <translation>The agency that must answer the complaint</translation>
    </message>
    <message>
        <source>The standard reason the citizen is told; Enter rejects</source>
        <translation>The standard reason the citizen is told; Enter rejects</translation>
    </message>
    <message>
        <source>Added to the reason for the citizen; Enter rejects, Shift+Enter starts a new line</source>
        <translation>Added to the reason for the citizen; Enter rejects, Shift+Enter starts a new line</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Within</translation>
    </message>
    <message>
        <source>How far from this complaint possible originals are looked for, in metres</source>
        <translation>How far from this complaint possible originals are looked for, in metres</translation>
    </message>
    <message>
        <source>Search for the original</source>
        <translation>Search for the original</translation>
    </message>
    <message>
        <source>Finds the original by its number, text or address instead of nearby</source>
        <translation>Finds the original by its number, text or address instead of nearby</translation>
    </message>
    <message>
        <source>Complaints of this category nearby, nearest first; Enter marks this one a duplicate of the chosen</source>
        <translation>Complaints of this category nearby, nearest first; Enter marks this one a duplicate of the chosen</translation>
    </message>
    <message>
        <source>The agency the complaint goes to instead</source>
        <translation>The agency the complaint goes to instead</translation>
    </message>
    <message>
        <source>Why it goes to another agency (kept in the history)</source>
        <translation>Why it goes to another agency (kept in the history)</translation>
    </message>
    <message>
        <source>The complaint&apos;s text as it is to be published, with personal data removed</source>
        <translation>The complaint&apos;s text as it is to be published, with personal data removed</translation>
    </message>
    <message>
        <source>Why the text was edited (kept in the history)</source>
        <translation>Why the text was edited (kept in the history)</translation>
    </message>
    <message>
        <source>Why the decision is taken back (kept in the history); Ctrl+Enter returns it</source>
        <translation>Why the decision is taken back (kept in the history); Ctrl+Enter returns it</translation>
    </message>
</context>
<context>
    <name>rd::PassphraseDialog</name>
    <message>
        <source>Protect the local cache</source>
        <translation>Protect the local cache</translation>
    </message>
    <message>
        <source>Unlock the local cache</source>
        <translation>Unlock the local cache</translation>
    </message>
    <message>
        <source>The complaints of %1 kept on this computer hold citizens&apos; personal data and are encrypted. Choose a passphrase of at least %2 characters: it is asked for each time RegionDesk starts, and without it the saved complaints, drafts and unsent actions cannot be read. It is not stored anywhere.</source>
        <translation>The complaints of %1 kept on this computer hold citizens&apos; personal data and are encrypted. Choose a passphrase of at least %2 characters: it is asked for each time RegionDesk starts, and without it the saved complaints, drafts and unsent actions cannot be read. It is not stored anywhere.</translation>
    </message>
    <message>
        <source>The complaints of %1 kept on this computer are encrypted. Enter the passphrase chosen for them.</source>
        <translation>The complaints of %1 kept on this computer are encrypted. Enter the passphrase chosen for them.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <source>&amp;Encrypt</source>
        <translation>&amp;Encrypt</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>At least %1 characters.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
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
    <name>rd::QueueList</name>
    <message>
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>Awaiting moderation</source>
        <translation>Awaiting moderation</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>New for my agency</source>
        <translation>New for my agency</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Contested after the fix</source>
        <translation>Contested after the fix</translation>
    </message>
    <message>
        <source>All complaints</source>
        <translation>All complaints</translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation>My drafts</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Search everywhere</source>
        <translation>Search everywhere</translation>
    </message>
    <message>
        <source>My queues</source>
        <translation>My queues</translation>
    </message>
    <message>
        <source>Your saved search over “%1”; F2 renames it, Delete removes it</source>
        <translation>Your saved search over “%1”; F2 renames it, Delete removes it</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Your queues with how many complaints each holds, then the queues you saved; choosing one shows it in the list</source>
        <translation>Your queues with how many complaints each holds, then the queues you saved; choosing one shows it in the list</translation>
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
        <source>Answer due</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Your action waits in the outbox to be sent</source>
        <translation>Your action waits in the outbox to be sent</translation>
    </message>
    <message>
        <source>Filed on %1</source>
        <translation>Filed on %1</translation>
    </message>
    <message>
        <source>Due soon: the answer is due on %1</source>
        <translation>Due soon: the answer is due on %1</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>Possibly a duplicate of complaint No. %1: compare them on the Duplicate tab (D)</source>
        <translation>Possibly a duplicate of complaint No. %1: compare them on the Duplicate tab (D)</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Looks like</translation>
    </message>
</context>
<context>
    <name>rd::QueuePane</name>
    <message>
        <source>Complaints in the queue</source>
        <translation>Complaints in the queue</translation>
    </message>
    <message>
        <source>&lt;b&gt;The queue cannot be read from the local cache.&lt;/b&gt;</source>
        <translation>&lt;b&gt;The queue cannot be read from the local cache.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The complaints are not lost: what the cache holds stays as it is, and so do your drafts and unsent actions. If it keeps failing, send Help ▸ Copy diagnostics with your support request.</source>
        <translation>The complaints are not lost: what the cache holds stays as it is, and so do your drafts and unsent actions. If it keeps failing, send Help ▸ Copy diagnostics with your support request.</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>The queue cannot be read</source>
        <translation>The queue cannot be read</translation>
    </message>
    <message>
        <source>The chosen queue&apos;s complaints; the arrow keys move, the open one is shown beside</source>
        <translation>The chosen queue&apos;s complaints; the arrow keys move, the open one is shown beside</translation>
    </message>
</context>
<context>
    <name>rd::ReportDialog</name>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 portrait</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>From – to:</translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;Agency:</translation>
    </message>
    <message>
        <source>&amp;Categories:</source>
        <translation>&amp;Categories:</translation>
    </message>
    <message>
        <source>&amp;Districts:</source>
        <translation>&amp;Districts:</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Paper:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>Pre&amp;view…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation>Export CS&amp;V…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Export &amp;XLSX…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>report %1 %2</source>
        <translation>report %1 %2</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <source>The period&apos;s first day is after its last.</source>
        <translation>The period&apos;s first day is after its last.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Report preview</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n complaint(s) in the period.</source>
        <translation>
            <numerusform>Done: %n complaint in the period.</numerusform>
            <numerusform>Done: %n complaints in the period.</numerusform>
        </translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Previous quarter</source>
        <translation>Previous quarter</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>Previous year</translation>
    </message>
    <message>
        <source>The lists of complaints give the addresses citizens named: a saved or printed report is personal data; keep and pass it on as your agency&apos;s rules require.</source>
        <translation>The lists of complaints give the addresses citizens named: a saved or printed report is personal data; keep and pass it on as your agency&apos;s rules require.</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personal data</translation>
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
    <name>rd::SignInDialog</name>
    <message>
        <source>Sign in to RegionDesk</source>
        <translation>Sign in to RegionDesk</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Sign &amp;in</translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation>Work &amp;offline</translation>
    </message>
    <message>
        <source>Open the complaints saved on this computer; your work is sent when you sign in again</source>
        <translation>Open the complaints saved on this computer; your work is sent when you sign in again</translation>
    </message>
    <message>
        <source>Open the complaints saved on this computer for %1; your work is sent when you sign in again</source>
        <translation>Open the complaints saved on this computer for %1; your work is sent when you sign in again</translation>
    </message>
    <message>
        <source>The server address is not valid. It looks like https://desk.example.org.</source>
        <translation>The server address is not valid. It looks like https://desk.example.org.</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Signing in to %1…</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Set by your administrator</translation>
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
    <message>
        <source>Indexing for search stopped.</source>
        <translation>Indexing for search stopped.</translation>
    </message>
    <message>
        <source>The server did not send the city&apos;s outlines this time (they are asked for again at the next sync); the map shows the ones it had.</source>
        <translation>The server did not send the city&apos;s outlines this time (they are asked for again at the next sync); the map shows the ones it had.</translation>
    </message>
    <message>
        <source>The server&apos;s outlines of the city could not be read; the map shows the ones it had.</source>
        <translation>The server&apos;s outlines of the city could not be read; the map shows the ones it had.</translation>
    </message>
</context>
<context>
    <name>rd::TileSource</name>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation>© OpenStreetMap contributors</translation>
    </message>
    <message>
        <source>The map server sent something that is not a picture; those parts of the map are not shown.</source>
        <translation>The map server sent something that is not a picture; those parts of the map are not shown.</translation>
    </message>
    <message>
        <source>The map cannot be loaded from the network (%1); it shows what it has.</source>
        <translation>The map cannot be loaded from the network (%1); it shows what it has.</translation>
    </message>
    <message>
        <source>The map server refused (HTTP %1); the map shows what it has.</source>
        <translation>The map server refused (HTTP %1); the map shows what it has.</translation>
    </message>
    <message>
        <source>The map cannot be kept for offline use (its cache on this computer cannot be written); it is shown all the same.</source>
        <translation>The map cannot be kept for offline use (its cache on this computer cannot be written); it is shown all the same.</translation>
    </message>
</context>
</TS>
