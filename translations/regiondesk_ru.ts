<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ApiJson</name>
    <message>
        <source>is required</source>
        <translation>обязательное поле</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>должно быть целым числом</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>должно быть от %1 до %2</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>должно быть числом</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>должно быть текстом</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>длиннее %1 символов</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>должно быть true или false</translation>
    </message>
    <message>
        <source>must be a time in ISO 8601 with an offset</source>
        <translation>должно быть временем ISO 8601 со смещением</translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD</source>
        <translation>должно быть датой ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>должно быть объектом</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>должно быть списком</translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot;</source>
        <translation>неизвестное состояние «%1»</translation>
    </message>
    <message>
        <source>unknown answer kind &quot;%1&quot;</source>
        <translation>неизвестный вид ответа «%1»</translation>
    </message>
    <message>
        <source>is not a known time zone</source>
        <translation>неизвестный часовой пояс</translation>
    </message>
    <message>
        <source>lists more than %1 days</source>
        <translation>содержит больше %1 дней</translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation>указан дважды</translation>
    </message>
    <message>
        <source>is not a Saturday or a Sunday: weekdays are worked anyway</source>
        <translation>не суббота и не воскресенье: будни и так рабочие</translation>
    </message>
    <message>
        <source>is also listed as a holiday</source>
        <translation>указан и как праздничный</translation>
    </message>
    <message>
        <source>must be &quot;calendar&quot; or &quot;working&quot;</source>
        <translation>должно быть «calendar» или «working»</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>должно быть одним из: %1</translation>
    </message>
    <message>
        <source>is not a category of the catalogue</source>
        <translation>не рубрика каталога</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>не может быть пустым</translation>
    </message>
    <message>
        <source>has %1, which is not a placeholder (%2)</source>
        <translation>содержит %1, но это не подстановка (%2)</translation>
    </message>
    <message>
        <source>is taken by another template</source>
        <translation>уже занят другим шаблоном</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>you may not do this to it</source>
        <translation>у вас нет прав на это действие</translation>
    </message>
    <message>
        <source>not in a state this can be done from</source>
        <translation>не в том состоянии, из которого это можно сделать</translation>
    </message>
    <message>
        <source>its deadline was extended as often as the rules allow</source>
        <translation>его срок уже продлевали столько раз, сколько позволяют правила</translation>
    </message>
    <message>
        <source>unknown action</source>
        <translation>неизвестное действие</translation>
    </message>
    <message>
        <source>more than %1 complaints at once</source>
        <translation>больше %1 обращений за раз</translation>
    </message>
    <message>
        <source>not in this computer&apos;s copy</source>
        <translation>нет в копии на этом компьютере</translation>
    </message>
    <message>
        <source>an action of yours already waits for it in the outbox</source>
        <translation>для него уже ждёт ваше действие в исходящих</translation>
    </message>
    <message>
        <source>you have a draft for it: answer it on its own</source>
        <translation>у вас есть черновик для него: ответьте на него отдельно</translation>
    </message>
</context>
<context>
    <name>CacheError</name>
    <message>
        <source>The local cache %1 is damaged. RegionDesk can set it aside as a backup and download your complaints again; unsent drafts and actions are carried over where they can still be read.</source>
        <translation>Локальный кэш %1 повреждён. RegionDesk может сохранить его как резервную копию и заново загрузить обращения; неотправленные черновики и действия будут перенесены, если их ещё можно прочитать.</translation>
    </message>
    <message>
        <source>There is no space left for the local cache %1. Free some disk space and try again; nothing was lost, the last change was not saved.</source>
        <translation>Для локального кэша %1 не осталось места. Освободите место на диске и повторите попытку; ничего не потеряно, последнее изменение не сохранено.</translation>
    </message>
    <message>
        <source>The local cache %1 cannot be written: the file or its folder is read-only. Ask your administrator for write access, or choose another cache location.</source>
        <translation>Локальный кэш %1 недоступен для записи: файл или его папка только для чтения. Попросите администратора дать права на запись или выберите другое место для кэша.</translation>
    </message>
    <message>
        <source>The local cache %1 is locked by another program. Close other copies of RegionDesk and try again.</source>
        <translation>Локальный кэш %1 заблокирован другой программой. Закройте другие копии RegionDesk и повторите попытку.</translation>
    </message>
    <message>
        <source>The local cache %1 cannot be opened. Check that its folder exists and that you may write there, or choose another cache location.</source>
        <translation>Не удаётся открыть локальный кэш %1. Проверьте, что папка существует и у вас есть права на запись в неё, или выберите другое место для кэша.</translation>
    </message>
    <message>
        <source>Reading or writing the local cache %1 failed (input/output error). Check the disk; if it keeps failing, choose another cache location.</source>
        <translation>Ошибка чтения или записи локального кэша %1 (ошибка ввода-вывода). Проверьте диск; если ошибка повторяется, выберите другое место для кэша.</translation>
    </message>
    <message>
        <source>The local cache %1 reported an error: %2</source>
        <translation>Локальный кэш %1 сообщил об ошибке: %2</translation>
    </message>
    <message>
        <source>The cache location %1 is a folder, not a file. Choose a file name for the cache.</source>
        <translation>Путь к кэшу %1 указывает на папку, а не на файл. Укажите имя файла для кэша.</translation>
    </message>
    <message>
        <source>The folder %1 for the local cache does not exist and cannot be created. Check the path and your permissions, or choose another cache location.</source>
        <translation>Папка %1 для локального кэша не существует, и её не удаётся создать. Проверьте путь и права доступа или выберите другое место для кэша.</translation>
    </message>
    <message>
        <source>The file %1 is an SQLite database of another program, not a RegionDesk cache. Choose another cache location; RegionDesk will not change it.</source>
        <translation>Файл %1 — база данных SQLite другой программы, а не кэш RegionDesk. Выберите другое место для кэша; RegionDesk не будет изменять этот файл.</translation>
    </message>
    <message>
        <source>The local cache %1 was written by a newer version of RegionDesk (format %2; this version reads up to %3). Install the newer version, or choose another cache location. The file was not changed.</source>
        <translation>Локальный кэш %1 записан более новой версией RegionDesk (формат %2; эта версия читает форматы до %3). Установите новую версию или выберите другое место для кэша. Файл не изменён.</translation>
    </message>
    <message>
        <source>The local cache %1 cannot be written: the file is read-only. Ask your administrator for write access, or choose another cache location.</source>
        <translation>Локальный кэш %1 недоступен для записи: файл только для чтения. Попросите администратора дать права на запись или выберите другое место для кэша.</translation>
    </message>
    <message>
        <source>The local cache %1 cannot keep its write-ahead log next to it (journal mode &quot;%2&quot;). Make its folder writable, or choose another cache location.</source>
        <translation>Локальному кэшу %1 не удаётся вести журнал упреждающей записи рядом с файлом (режим журнала «%2»). Разрешите запись в его папку или выберите другое место для кэша.</translation>
    </message>
    <message>
        <source>The damaged cache %1 cannot be moved aside to %2. Close other programs using it, or move it yourself.</source>
        <translation>Не удаётся переместить повреждённый кэш %1 в %2. Закройте программы, которые его используют, или переместите файл вручную.</translation>
    </message>
    <message>
        <source>The file %1 is not a RegionDesk cache that can be read here: it is not an SQLite database, or it is encrypted and no key was given for it. Move it away or choose another cache location; RegionDesk will not overwrite it.</source>
        <translation>Файл %1 не удаётся прочитать как кэш RegionDesk: это не база данных SQLite, или она зашифрована, а ключ к ней не указан. Переместите файл или выберите другое место для кэша; RegionDesk не будет его перезаписывать.</translation>
    </message>
    <message>
        <source>The local cache %1 is encrypted with another key than the one kept for you on this computer (the key was lost, or the file comes from another user or computer). RegionDesk can set it aside and download your complaints again; drafts not yet sent cannot be read without the old key.</source>
        <translation>Локальный кэш %1 зашифрован другим ключом, не тем, что хранится для вас на этом компьютере (ключ утерян, или файл от другого пользователя или компьютера). RegionDesk может отложить его и заново загрузить обращения; неотправленные черновики без старого ключа не прочитать.</translation>
    </message>
</context>
<context>
    <name>CommandCacheOptions</name>
    <message>
        <source>The local cache %1 is encrypted and its key is not in this computer&apos;s credential store. Open RegionDesk to set it aside and start again.</source>
        <translation>Локальный кэш %1 зашифрован, а его ключа нет в хранилище учётных данных этого компьютера. Откройте RegionDesk, чтобы отложить кэш и начать заново.</translation>
    </message>
    <message>
        <source>The local cache %1 is protected by a passphrase (%2). Set REGIONDESK_CACHE_PASSPHRASE to it in the environment, or open RegionDesk to choose one.</source>
        <translation>Локальный кэш %1 защищён парольной фразой (%2). Задайте её в переменной окружения REGIONDESK_CACHE_PASSPHRASE или откройте RegionDesk, чтобы выбрать фразу.</translation>
    </message>
    <message>
        <source>The passphrase in REGIONDESK_CACHE_PASSPHRASE is too short: a new one has at least %1 characters.</source>
        <translation>Парольная фраза в REGIONDESK_CACHE_PASSPHRASE слишком короткая: новая фраза — не менее %1 символов.</translation>
    </message>
    <message>
        <source>The passphrase in REGIONDESK_CACHE_PASSPHRASE does not unlock the local cache %1.</source>
        <translation>Парольная фраза из REGIONDESK_CACHE_PASSPHRASE не открывает локальный кэш %1.</translation>
    </message>
    <message>
        <source>The passphrase&apos;s salt cannot be written beside the local cache (%1): without it the key could not be made again, so the cache is not encrypted with it. Check that the folder can be written.</source>
        <translation>Соль парольной фразы не удаётся записать рядом с локальным кэшем (%1): без неё ключ нельзя было бы получить снова, поэтому кэш им не шифруется. Проверьте, что в папку можно записывать.</translation>
    </message>
    <message>
        <source>The local cache %1 is encrypted with a key kept in this computer&apos;s credential store, which did not answer (%2). Unlock the store and try again.</source>
        <translation>Локальный кэш %1 зашифрован ключом из хранилища учётных данных этого компьютера, но хранилище не ответило (%2). Разблокируйте хранилище и повторите.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Use the local cache at &lt;file&gt; (default: %1).</source>
        <translation>Использовать локальный кэш &lt;file&gt; (по умолчанию: %1).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>User interface language: ru or en (default: the system&apos;s).</source>
        <translation>Язык интерфейса: ru или en (по умолчанию — язык системы).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>demo-cache: how many complaints to generate (default 5000).</source>
        <translation>demo-cache: сколько обращений создать (по умолчанию 5000).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>demo-cache: seed of the generator (default 59).</source>
        <translation>demo-cache: начальное значение генератора (по умолчанию 59).</translation>
    </message>
    <message>
        <source>What to do (see above).</source>
        <translation>Что сделать (см. выше).</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;; use ru or en</source>
        <translation>неизвестный язык «%1»; укажите ru или en</translation>
    </message>
    <message>
        <source>--count takes a number from 0 to 5000000</source>
        <translation>--count принимает число от 0 до 5000000</translation>
    </message>
    <message>
        <source>--seed takes a non-negative number</source>
        <translation>--seed принимает неотрицательное число</translation>
    </message>
    <message>
        <source>one command at a time, please: %1</source>
        <translation>укажите одну команду: %1</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see --help</source>
        <translation>неизвестная команда «%1»; см. --help</translation>
    </message>
    <message>
        <source>Wrote %1 demo complaints (%2 not newer than the cache&apos;s) to %3 in %4 ms.</source>
        <translation>Записано демонстрационных обращений: %1 (не новее имеющихся в кэше: %2) в %3 за %4 мс.</translation>
    </message>
    <message>
        <source>The local cache %1 is sound (format %2, %3 complaints).</source>
        <translation>Локальный кэш %1 исправен (формат %2, обращений: %3).</translation>
    </message>
    <message>
        <source>The local cache %1 is damaged:</source>
        <translation>Локальный кэш %1 повреждён:</translation>
    </message>
    <message>
        <source>Open the window, save a picture of it to &lt;file&gt; (PNG) and quit; for documentation and checks.</source>
        <translation>Открыть окно, сохранить его изображение в &lt;file&gt; (PNG) и выйти; для документации и проверок.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>sync needs --server with an http:// or https:// address</source>
        <translation>для sync нужен --server с адресом http:// или https://</translation>
    </message>
    <message>
        <source>sync needs --user</source>
        <translation>для sync нужен --user</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Пароль для %1: </translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to signing in cannot be read.</source>
        <translation>Ответ сервера на вход не удаётся прочитать.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Выполнен вход: %1 (%2).</translation>
    </message>
    <message>
        <source>sent %1 of %2 action(s); received %3 complaint(s), %4 removed, %5 page(s), %6 MB</source>
        <translation>отправлено действий: %1 из %2; получено обращений: %3, удалено: %4, страниц: %5, %6 МБ</translation>
    </message>
    <message>
        <source>%1: %2 complaint(s) received, %3 removed; %4 action(s) sent, %5 refused, %6 in conflict, %7 to retry.</source>
        <translation>%1: получено обращений: %2, удалено: %3; отправлено действий: %4, отклонено: %5, в конфликте: %6, к повтору: %7.</translation>
    </message>
    <message>
        <source>Synchronised</source>
        <translation>Синхронизировано</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлено</translation>
    </message>
    <message>
        <source>sync and desk: the server&apos;s address, e.g. https://desk.example.ru</source>
        <translation>sync и рабочее окно: адрес сервера, например https://desk.example.ru</translation>
    </message>
    <message>
        <source>sync and desk: the user name to sign in as.</source>
        <translation>sync и рабочее окно: имя пользователя для входа.</translation>
    </message>
    <message>
        <source>sync and desk: also trust the CA certificate(s) in &lt;file&gt; (PEM).</source>
        <translation>sync и рабочее окно: доверять также сертификатам УЦ из &lt;file&gt; (PEM).</translation>
    </message>
    <message>
        <source>period</source>
        <translation>период</translation>
    </message>
    <message>
        <source>report: the agency&apos;s number in the catalogue (default: all agencies in the cache).</source>
        <translation>report: номер ведомства в справочнике (по умолчанию все ведомства в кэше).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>номер</translation>
    </message>
    <message>
        <source>report: pdf, csv or xlsx (default: from --out&apos;s extension).</source>
        <translation>report: pdf, csv или xlsx (по умолчанию по расширению --out).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>формат</translation>
    </message>
    <message>
        <source>report: the file to write.</source>
        <translation>report: файл, в который записать отчёт.</translation>
    </message>
    <message>
        <source>report: A4 landscape instead of portrait (PDF).</source>
        <translation>report: альбомный A4 вместо книжного (PDF).</translation>
    </message>
    <message>
        <source>--agency takes the agency&apos;s number</source>
        <translation>--agency принимает номер ведомства</translation>
    </message>
    <message>
        <source>report needs --out</source>
        <translation>для report нужен --out</translation>
    </message>
    <message>
        <source>--format takes pdf, csv or xlsx</source>
        <translation>--format принимает pdf, csv или xlsx</translation>
    </message>
    <message>
        <source>Forget this user&apos;s settings (window layout, recent servers, language, map) and quit. Caches, drafts and unsent work are kept; the administrator&apos;s settings still apply.</source>
        <translation>Забыть настройки этого пользователя (расположение окон, недавние серверы, язык, карта) и выйти. Кэши, черновики и неотправленная работа сохраняются; настройки администратора действуют по-прежнему.</translation>
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
        <translation>RegionDesk: рабочее место сотрудников, отвечающих на обращения граждан.

Команды:
  (нет)         открыть рабочее окно: вход (--server и --user заполняют окно
                входа; если задана REGIONDESK_PASSWORD, вход выполняется сразу)
  demo-cache    заполнить локальный кэш демонстрационными обращениями (Омск)
  check-cache   проверить файл локального кэша на повреждения
  sync          войти и один раз синхронизировать локальный кэш (--server, --user;
                пароль читается с терминала или из переменной окружения
                REGIONDESK_PASSWORD)
  report        записать отчёт по локальному кэшу (--period, --agency,
                --format, --out), например для задания по расписанию:
                regiondesk report --period previous-month --out month.pdf
                (regiondesk report --help: параметры и периоды отчёта)</translation>
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
        <translation>regiondesk report: записать отчёт по локальному кэшу, без сети (задание по расписанию
сначала выполняет `regiondesk sync`). В отчёте два раздела: обращения, поступившие
за период, и положение на конец периода (открытые, просроченные и на сколько, по
ведомствам и категориям).

Периоды (--period):
  previous-month    весь закончившийся месяц: по умолчанию и для ежемесячного
                    задания; так же previous-week, previous-quarter,
                    previous-year
  this-month        с 1-го числа по сегодня (1-го числа — один день); также «month»,
                    и так же this-week, this-quarter, this-year (или week,
                    quarter, year)
  ГГГГ-ММ-ДД..ГГГГ-ММ-ДД   с и по, включительно

Примеры:
  regiondesk report --period previous-month --out month.pdf
  regiondesk report --period 2026-01-01..2026-03-31 --agency 1 --out q1.xlsx</translation>
    </message>
    <message>
        <source>report: previous-month (the default), previous-week, -quarter, -year; this-month (to today), this-week, -quarter, -year; or YYYY-MM-DD..YYYY-MM-DD.</source>
        <translation>report: previous-month (по умолчанию), previous-week, -quarter, -year; this-month (по сегодня), this-week, -quarter, -year; или ГГГГ-ММ-ДД..ГГГГ-ММ-ДД.</translation>
    </message>
    <message>
        <source>report: count the period from this day instead of today (YYYY-MM-DD; to make a missed scheduled report).</source>
        <translation>report: отсчитывать период от этого дня, а не от сегодняшнего (ГГГГ-ММ-ДД; чтобы составить пропущенный отчёт по расписанию).</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>report: who the report says made it (default: the user the cache was synchronised for).</source>
        <translation>report: кто указан составителем отчёта (по умолчанию — пользователь, для которого синхронизирован кэш).</translation>
    </message>
    <message>
        <source>--period takes %1 or YYYY-MM-DD..YYYY-MM-DD; see report --help</source>
        <translation>--period принимает %1 или ГГГГ-ММ-ДД..ГГГГ-ММ-ДД; см. report --help</translation>
    </message>
    <message>
        <source>--today takes a date YYYY-MM-DD</source>
        <translation>--today принимает дату ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>Write a report (see above).</source>
        <translation>Записать отчёт (см. выше).</translation>
    </message>
    <message numerus="yes">
        <source>%n closed complaint(s) unchanged for longer than the retention period left the cache.</source>
        <translation>
            <numerusform>%n закрытое обращение, не менявшееся дольше срока хранения, удалено из кэша.</numerusform>
            <numerusform>%n закрытых обращения, не менявшихся дольше срока хранения, удалены из кэша.</numerusform>
            <numerusform>%n закрытых обращений, не менявшихся дольше срока хранения, удалены из кэша.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GeoJson</name>
    <message>
        <source>must be a position: [longitude, latitude]</source>
        <translation>должно быть позицией: [долгота, широта]</translation>
    </message>
    <message>
        <source>[%1, %2] is not a longitude and latitude in degrees; GeoJSON is in WGS 84 degrees, not projected metres</source>
        <translation>[%1, %2] — не долгота и широта в градусах; GeoJSON задаётся в градусах WGS 84, а не в метрах проекции</translation>
    </message>
    <message>
        <source>more than %1 points in all</source>
        <translation>всего больше %1 точек</translation>
    </message>
    <message>
        <source>must be a list of positions</source>
        <translation>должно быть списком позиций</translation>
    </message>
    <message>
        <source>a ring needs at least 3 different points</source>
        <translation>в контуре должно быть не меньше 3 разных точек</translation>
    </message>
    <message>
        <source>a line needs at least 2 points</source>
        <translation>в линии должно быть не меньше 2 точек</translation>
    </message>
    <message>
        <source>must be a non-empty list</source>
        <translation>должно быть непустым списком</translation>
    </message>
    <message>
        <source>“%1” is neither a district (Polygon, MultiPolygon) nor a street (LineString, MultiLineString)</source>
        <translation>«%1» — не район (Polygon, MultiPolygon) и не улица (LineString, MultiLineString)</translation>
    </message>
    <message>
        <source>must be “district” (with a Polygon or MultiPolygon) or “street” (with a LineString or MultiLineString)</source>
        <translation>должно быть «district» (с Polygon или MultiPolygon) или «street» (с LineString или MultiLineString)</translation>
    </message>
    <message>
        <source>must be an object of type “Feature”</source>
        <translation>должно быть объектом типа «Feature»</translation>
    </message>
    <message>
        <source>must be an object or null</source>
        <translation>должно быть объектом или null</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>должно быть текстом</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>длиннее %1 символов</translation>
    </message>
    <message>
        <source>must be a whole number from 1 (the district&apos;s id in the catalogue)</source>
        <translation>должно быть целым числом от 1 (номер района в справочнике)</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2)</source>
        <translation>не JSON (%1, байт %2)</translation>
    </message>
    <message>
        <source>must be a GeoJSON object of type “FeatureCollection”</source>
        <translation>должно быть объектом GeoJSON типа «FeatureCollection»</translation>
    </message>
    <message>
        <source>only WGS 84 longitude and latitude in degrees are understood (as RFC 7946 has it); convert the file first</source>
        <translation>понимаются только долгота и широта WGS 84 в градусах (как в RFC 7946); сначала преобразуйте файл</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>должно быть списком</translation>
    </message>
    <message>
        <source>more than %1 features</source>
        <translation>больше %1 объектов</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>Not yet assigned</source>
        <translation>Ещё не назначено</translation>
    </message>
    <message>
        <source>No district</source>
        <translation>Без района</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Категория %1</translation>
    </message>
    <message>
        <source>Agency %1</source>
        <translation>Ведомство %1</translation>
    </message>
    <message>
        <source>District %1</source>
        <translation>Район %1</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>There is no agency %1 in the cache&apos;s catalogue.</source>
        <translation>В справочнике кэша нет ведомства %1.</translation>
    </message>
    <message>
        <source>regiondesk: the period %1 has just begun: the report covers %2 only. For the whole one that ended, give --period previous-…, e.g. previous-month.</source>
        <translation>regiondesk: период %1 только начался: отчёт охватывает только %2. Чтобы получить весь закончившийся период, укажите --period previous-…, например previous-month.</translation>
    </message>
    <message>
        <source>regiondesk: this cache holds the complaints of agency %1 only (%2&apos;s); it cannot report on agency %3.</source>
        <translation>regiondesk: в этом кэше только обращения ведомства %1 (пользователь %2); отчёт по ведомству %3 по нему составить нельзя.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n complaint(s) received %2 – %3, %4 overdue on %5; in %6 ms.</source>
        <translation>
            <numerusform>Записан %1: %n обращение поступило %2 – %3, просрочено на %5: %4; за %6 мс.</numerusform>
            <numerusform>Записан %1: %n обращения поступило %2 – %3, просрочено на %5: %4; за %6 мс.</numerusform>
            <numerusform>Записан %1: %n обращений поступило %2 – %3, просрочено на %5: %4; за %6 мс.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Received</source>
        <translation>Поступило</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубликовано</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Дубликаты</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Решено</translation>
    </message>
    <message>
        <source>Deadline set</source>
        <translation>Назначен срок</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Overdue deadlines</source>
        <translation>Просрочены обещанные сроки</translation>
    </message>
    <message>
        <source>Days to answer, average</source>
        <translation>Дней до ответа, в среднем</translation>
    </message>
    <message>
        <source>Days to answer, median</source>
        <translation>Дней до ответа, медиана</translation>
    </message>
    <message>
        <source>Answered on time</source>
        <translation>Отвечено в срок</translation>
    </message>
    <message>
        <source>Contested after solving</source>
        <translation>Оспорено после решения</translation>
    </message>
    <message>
        <source>Confirmed by citizens</source>
        <translation>Подтверждено гражданами</translation>
    </message>
    <message>
        <source>Complaints report: %1</source>
        <translation>Отчёт по обращениям: %1</translation>
    </message>
    <message>
        <source>all agencies</source>
        <translation>все ведомства</translation>
    </message>
    <message>
        <source>Generated %1 by %2 from the local cache (as of its last synchronisation)</source>
        <translation>Сформирован %1, %2, по локальному кэшу (на момент последней синхронизации)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(неизвестно)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Итоги</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Ведомство</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>Неделя с</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Голоса</translation>
    </message>
    <message>
        <source>Age, days</source>
        <translation>Давность, дней</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Срок ответа</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Дней просрочки</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>Не удаётся записать %1.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Top unresolved</source>
        <translation>Нерешённые</translation>
    </message>
    <message>
        <source>%1 cannot be written: the file is in use or the folder is read-only.</source>
        <translation>Не удаётся записать %1: файл занят или папка только для чтения.</translation>
    </message>
    <message>
        <source>by category</source>
        <translation>по категориям</translation>
    </message>
    <message>
        <source>Received by category</source>
        <translation>Поступившие по категориям</translation>
    </message>
    <message>
        <source>by agency</source>
        <translation>по ведомствам</translation>
    </message>
    <message>
        <source>Received by agency</source>
        <translation>Поступившие по ведомствам</translation>
    </message>
    <message>
        <source>by district</source>
        <translation>по районам</translation>
    </message>
    <message>
        <source>Received by district</source>
        <translation>Поступившие по районам</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>по месяцам</translation>
    </message>
    <message>
        <source>Received by month</source>
        <translation>Поступившие по месяцам</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>по неделям</translation>
    </message>
    <message>
        <source>Received by week</source>
        <translation>Поступившие по неделям</translation>
    </message>
    <message>
        <source>At the end, by agency</source>
        <translation>На конец, по ведомствам</translation>
    </message>
    <message>
        <source>At the end, by category</source>
        <translation>На конец, по категориям</translation>
    </message>
    <message>
        <source>unresolved, the most votes</source>
        <translation>нерешённые, больше всего голосов</translation>
    </message>
    <message>
        <source>overdue complaints</source>
        <translation>просроченные обращения</translation>
    </message>
    <message>
        <source>Answered later</source>
        <translation>Ответ дан позже</translation>
    </message>
    <message>
        <source>Overdue, days past the due date</source>
        <translation>Просрочено, дней после срока</translation>
    </message>
    <message>
        <source>In moderation</source>
        <translation>На модерации</translation>
    </message>
    <message>
        <source>Awaiting answer</source>
        <translation>Ждут ответа</translation>
    </message>
    <message>
        <source>Contested</source>
        <translation>Оспорены</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>all</source>
        <translation>всего</translation>
    </message>
    <message>
        <source>%1–%2 days overdue</source>
        <translation>Просрочка %1–%2 дней</translation>
    </message>
    <message>
        <source>Over %1 days overdue</source>
        <translation>Просрочка более %1 дней</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>более %1</translation>
    </message>
    <message>
        <source>Longest overdue, days</source>
        <translation>Наибольшая просрочка, дней</translation>
    </message>
    <message>
        <source>longest</source>
        <translation>наибольшая</translation>
    </message>
    <message>
        <source>Received in the period %1 – %2</source>
        <translation>Поступившие за период %1 – %2</translation>
    </message>
    <message>
        <source>Today, %1 (the period has not ended)</source>
        <translation>На сегодня, %1 (период не закончился)</translation>
    </message>
    <message>
        <source>At the end of the period, %1</source>
        <translation>На конец периода, %1</translation>
    </message>
    <message>
        <source>Period: %1 – %2 (days in %3)</source>
        <translation>Период: %1 – %2 (дни по %3)</translation>
    </message>
    <message numerus="yes">
        <source>The cache keeps closed complaints for %n month(s): those closed and unchanged before %1 are not counted.</source>
        <translation>
            <numerusform>Кэш хранит закрытые обращения %n месяц: закрытые и не менявшиеся до %1 не учтены.</numerusform>
            <numerusform>Кэш хранит закрытые обращения %n месяца: закрытые и не менявшиеся до %1 не учтены.</numerusform>
            <numerusform>Кэш хранит закрытые обращения %n месяцев: закрытые и не менявшиеся до %1 не учтены.</numerusform>
        </translation>
    </message>
    <message>
        <source>The period begins before that day: its figures for closed complaints are incomplete.</source>
        <translation>Период начинается раньше этого дня: данные по закрытым обращениям неполны.</translation>
    </message>
    <message>
        <source>Contains personal data: the addresses citizens gave for their complaints. Keep and pass on as the rules for personal data require.</source>
        <translation>Содержит персональные данные: адреса, указанные гражданами в обращениях. Храните и передавайте по правилам обработки персональных данных.</translation>
    </message>
</context>
<context>
    <name>ReportRenderer</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (продолжение)</translation>
    </message>
    <message>
        <source>Nothing to list.</source>
        <translation>Нет ни одного.</translation>
    </message>
    <message>
        <source>received</source>
        <translation>поступило</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>отвечено</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>просрочено</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Ведомство</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>Неделя с</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Голоса</translation>
    </message>
    <message>
        <source>Age, days</source>
        <translation>Давность, дней</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>The %1 most overdue of %2 are listed; the CSV and XLSX exports list all.</source>
        <translation>Показаны %1 самых просроченных из %2; в выгрузках CSV и XLSX — все.</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Срок ответа</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Дней просрочки</translation>
    </message>
    <message>
        <source>Responsible: ______________________ / ______________________ /     Date: ______________</source>
        <translation>Ответственный: ______________________ / ______________________ /     Дата: ______________</translation>
    </message>
    <message>
        <source>signature, name</source>
        <translation>подпись, расшифровка</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>Не удаётся записать %1.</translation>
    </message>
    <message>
        <source>received and answered by month</source>
        <translation>поступило и отвечено по месяцам</translation>
    </message>
    <message>
        <source>received and answered by week</source>
        <translation>поступило и отвечено по неделям</translation>
    </message>
    <message>
        <source>the categories with the most complaints</source>
        <translation>категории с наибольшим числом обращений</translation>
    </message>
    <message>
        <source>by category</source>
        <translation>по категориям</translation>
    </message>
    <message>
        <source>by agency</source>
        <translation>по ведомствам</translation>
    </message>
    <message>
        <source>by district</source>
        <translation>по районам</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>по месяцам</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>по неделям</translation>
    </message>
    <message>
        <source>unresolved, the most votes</source>
        <translation>нерешённые, больше всего голосов</translation>
    </message>
    <message>
        <source>overdue complaints</source>
        <translation>просроченные обращения</translation>
    </message>
    <message>
        <source>Answered later</source>
        <translation>Ответ дан позже</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
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
        <translation>Отложить и создать заново</translation>
    </message>
    <message>
        <source>The damaged cache was kept as %1. Carried over: %2 draft(s) and %3 unsent action(s).</source>
        <translation>Повреждённый кэш сохранён как %1. Перенесено черновиков: %2, неотправленных действий: %3.</translation>
    </message>
    <message>
        <source>RegionDesk is already running; its window was brought to the front.</source>
        <translation>RegionDesk уже запущен; его окно выведено на передний план.</translation>
    </message>
    <message>
        <source>Settings reset (%1). Caches, drafts and unsent work were kept.</source>
        <translation>Настройки сброшены (%1). Кэши, черновики и неотправленная работа сохранены.</translation>
    </message>
    <message>
        <source>regiondesk: no desk opened (signing in is needed: give --server, --user and REGIONDESK_PASSWORD); the picture shows the sign-in dialog.</source>
        <translation>regiondesk: рабочее окно не открылось (нужен вход: укажите --server, --user и REGIONDESK_PASSWORD); на снимке — окно входа.</translation>
    </message>
    <message>
        <source>regiondesk: no picture after 60 s; saving what is shown.</source>
        <translation>regiondesk: за 60 с снимка нет; сохраняется то, что показано.</translation>
    </message>
</context>
<context>
    <name>rd::AnswerEditor</name>
    <message>
        <source>Evidence photos</source>
        <translation>Фотографии результата</translation>
    </message>
    <message>
        <source>Attach &amp;photos…</source>
        <translation>Прикрепить &amp;фото…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Уда&amp;лить</translation>
    </message>
    <message>
        <source>&amp;Send (Ctrl+Enter)</source>
        <translation>&amp;Отправить (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation>Удалить черновик…</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>&amp;Ответ:</translation>
    </message>
    <message>
        <source>&amp;Ground:</source>
        <translation>&amp;Основание:</translation>
    </message>
    <message>
        <source>Fi&amp;x by:</source>
        <translation>&amp;Устранить до:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Текст:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Фото:</translation>
    </message>
    <message>
        <source>Choose the ground…</source>
        <translation>Выберите основание…</translation>
    </message>
    <message>
        <source>Resolution deadline</source>
        <translation>Срок устранения</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>Продлить срок</translation>
    </message>
    <message>
        <source>Problem solved</source>
        <translation>Проблема решена</translation>
    </message>
    <message>
        <source>Reasoned refusal</source>
        <translation>Мотивированный отказ</translation>
    </message>
    <message>
        <source>Internal note (staff only)</source>
        <translation>Служебная заметка (только для сотрудников)</translation>
    </message>
    <message>
        <source>Draft of %1</source>
        <translation>Черновик от %1</translation>
    </message>
    <message numerus="yes">
        <source>The date the problem will be fixed by (at most %n day(s) from today) and the plan.</source>
        <translation>
            <numerusform>Дата, к которой проблема будет устранена (не позже чем через %n день), и план работ.</numerusform>
            <numerusform>Дата, к которой проблема будет устранена (не позже чем через %n дня), и план работ.</numerusform>
            <numerusform>Дата, к которой проблема будет устранена (не позже чем через %n дней), и план работ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Choose the legal ground; its template is inserted for you to complete. At least %n character(s) of reasoning.</source>
        <translation>
            <numerusform>Выберите правовое основание; его шаблон будет вставлен для дополнения. Обоснование — не менее %n символа.</numerusform>
            <numerusform>Выберите правовое основание; его шаблон будет вставлен для дополнения. Обоснование — не менее %n символов.</numerusform>
            <numerusform>Выберите правовое основание; его шаблон будет вставлен для дополнения. Обоснование — не менее %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>What was done; attach photos of the result (JPEG or PNG, up to 5 MB, at most %1).</source>
        <translation>Что сделано; приложите фото результата (JPEG или PNG, до 5 МБ, не более %1).</translation>
    </message>
    <message>
        <source>Seen by staff only, never by the citizen.</source>
        <translation>Видят только сотрудники, заявитель — никогда.</translation>
    </message>
    <message>
        <source>Legal basis: %1</source>
        <translation>Правовое основание: %1</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Редактируется…</translation>
    </message>
    <message>
        <source>%1 of at least %2</source>
        <translation>%1 из минимум %2</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Черновик не удалось сохранить: %1</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Черновик сохранён в %1</translation>
    </message>
    <message>
        <source>The server refused the last attempt: %1</source>
        <translation>Сервер отклонил последнюю попытку: %1</translation>
    </message>
    <message>
        <source>Too short: %1 character(s); at least %2.</source>
        <translation>Слишком коротко: символов %1; нужно не менее %2.</translation>
    </message>
    <message>
        <source>Too long: %1 characters; at most %2.</source>
        <translation>Слишком длинно: символов %1; допустимо не более %2.</translation>
    </message>
    <message>
        <source>Choose a date from today to %1.</source>
        <translation>Выберите дату от сегодняшней до %1.</translation>
    </message>
    <message>
        <source>Choose a date after %1, at most %2.</source>
        <translation>Выберите дату позже %1, но не позже %2.</translation>
    </message>
    <message>
        <source>Choose the ground for the refusal.</source>
        <translation>Выберите основание для отказа.</translation>
    </message>
    <message>
        <source>Complete the template with the reasons for this complaint.</source>
        <translation>Дополните шаблон доводами по этому обращению.</translation>
    </message>
    <message>
        <source>Nothing can be sent for this complaint now.</source>
        <translation>Сейчас по этому обращению ничего отправить нельзя.</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Удаление черновика</translation>
    </message>
    <message>
        <source>Discard your draft for complaint No. %1? This cannot be undone.</source>
        <translation>Удалить черновик по обращению № %1? Отменить это нельзя.</translation>
    </message>
    <message>
        <source>Attach evidence photos</source>
        <translation>Прикрепить фото результата</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Фотографии (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>At most %1 photos.</source>
        <translation>Не более %1 фото.</translation>
    </message>
    <message>
        <source>choose the date</source>
        <translation>выберите дату</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>Evidence photo %1</source>
        <translation>Фото-подтверждение %1</translation>
    </message>
    <message>
        <source>uploading…</source>
        <translation>загружается…</translation>
    </message>
    <message>
        <source>Once only: a later date (at most %1 after %2, so by %3) and the reason.</source>
        <translation>Только один раз: более поздняя дата (не больше чем %1 после %2, то есть до %3) и причина.</translation>
    </message>
    <message>
        <source>Fill in %1: the template&apos;s placeholder could not be filled in and is never sent as it is.</source>
        <translation>Заполните %1: эту подстановку шаблона не удалось заполнить, а в таком виде ответ не отправляется.</translation>
    </message>
    <message>
        <source>&amp;Insert template</source>
        <translation>Вставить &amp;шаблон</translation>
    </message>
    <message>
        <source>Response templates for this answer and category, and your own snippets; placeholders are filled in for this complaint</source>
        <translation>Шаблоны ответов для этого вида ответа и рубрики и ваши заготовки; подстановки заполняются для этого обращения</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Шаблоны</translation>
    </message>
    <message>
        <source>None for this answer</source>
        <translation>Для этого ответа нет</translation>
    </message>
    <message>
        <source>My snippets</source>
        <translation>Мои заготовки</translation>
    </message>
    <message>
        <source>Save the text as a snippet…</source>
        <translation>Сохранить текст как заготовку…</translation>
    </message>
    <message>
        <source>Remove a snippet</source>
        <translation>Удалить заготовку</translation>
    </message>
    <message>
        <source>Save as a snippet</source>
        <translation>Сохранить как заготовку</translation>
    </message>
    <message>
        <source>&amp;Name of the snippet:</source>
        <translation>&amp;Название заготовки:</translation>
    </message>
    <message>
        <source>Your snippets could not be read: %1</source>
        <translation>Не удалось прочитать ваши заготовки: %1</translation>
    </message>
    <message>
        <source>Your snippets could not be saved: %1</source>
        <translation>Не удалось сохранить ваши заготовки: %1</translation>
    </message>
    <message>
        <source>What the answer is: solved, a resolution deadline, its extension, a reasoned refusal, or an internal note</source>
        <translation>Вид ответа: проблема решена, срок решения, его продление, мотивированный отказ или служебная заметка</translation>
    </message>
    <message>
        <source>The legal ground of the refusal; choosing one puts its template in the text</source>
        <translation>Правовое основание отказа; при выборе его шаблон вставляется в текст</translation>
    </message>
    <message>
        <source>The date the problem will be solved by; type the digits of day, month and year</source>
        <translation>Дата, к которой проблема будет решена; наберите цифры дня, месяца и года</translation>
    </message>
    <message>
        <source>The answer the citizen reads (a note: only staff); saved as a draft as you type; Ctrl+Enter sends</source>
        <translation>Ответ, который прочтёт заявитель (заметку видят только сотрудники); сохраняется как черновик по ходу набора; Ctrl+Enter — отправить</translation>
    </message>
    <message>
        <source>The photos sent with the answer that it is solved</source>
        <translation>Фотографии, отправляемые с ответом о решении проблемы</translation>
    </message>
    <message>
        <source>Chooses photos on this computer to send as evidence</source>
        <translation>Выбрать на этом компьютере фотографии для подтверждения</translation>
    </message>
    <message>
        <source>Takes the chosen photo off the answer</source>
        <translation>Убрать выбранную фотографию из ответа</translation>
    </message>
    <message>
        <source>Checks the answer and queues it; it is sent after the hold, or when back online</source>
        <translation>Проверяет ответ и ставит его в очередь; он уйдёт после задержки или при появлении связи</translation>
    </message>
    <message>
        <source>Throws the draft away, after asking</source>
        <translation>Удаляет черновик (после подтверждения)</translation>
    </message>
</context>
<context>
    <name>rd::ApiError</name>
    <message>
        <source>The server cannot be reached (%1). Your work is kept and will be sent when the connection returns.</source>
        <translation>Сервер недоступен (%1). Ваша работа сохранена и будет отправлена, когда связь восстановится.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Your work is kept and will be sent later.</source>
        <translation>Сервер не ответил вовремя. Ваша работа сохранена и будет отправлена позже.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted, so nothing was sent (%1). If your agency uses its own certificate authority, ask your administrator for its certificate file and set it in the settings.</source>
        <translation>Сертификат сервера не является доверенным, поэтому ничего не отправлено (%1). Если в вашем ведомстве свой удостоверяющий центр, попросите у администратора файл его сертификата и укажите его в настройках.</translation>
    </message>
    <message>
        <source>The server sent an answer RegionDesk cannot read (%1). Nothing was changed; it will try again later. If this persists, tell your administrator.</source>
        <translation>Сервер прислал ответ, который RegionDesk не может прочитать (%1). Ничего не изменено; попытка будет повторена позже. Если это повторяется, сообщите администратору.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; your unsent work is kept.</source>
        <translation>Сеанс завершён. Войдите снова; неотправленная работа сохранена.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Сервер отказал: %1</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1). It will be tried again later.</source>
        <translation>На сервере произошла ошибка (HTTP %1). Попытка будет повторена позже.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1: %2</source>
        <translation>Сервер ответил HTTP %1: %2</translation>
    </message>
    <message>
        <source>The extra CA certificate file %1 cannot be read: %2</source>
        <translation>Не удаётся прочитать файл дополнительного сертификата УЦ %1: %2</translation>
    </message>
    <message>
        <source>The extra CA certificate file %1 holds no PEM certificate.</source>
        <translation>В файле дополнительного сертификата УЦ %1 нет сертификата в формате PEM.</translation>
    </message>
    <message>
        <source>no HTTP status</source>
        <translation>нет кода ответа HTTP</translation>
    </message>
    <message>
        <source>the answer arrived damaged: %1</source>
        <translation>ответ пришёл повреждённым: %1</translation>
    </message>
</context>
<context>
    <name>rd::BulkDialog</name>
    <message>
        <source>Publish and route the selected…</source>
        <translation>Опубликовать и направить выбранные…</translation>
    </message>
    <message>
        <source>Reject the selected…</source>
        <translation>Отклонить выбранные…</translation>
    </message>
    <message>
        <source>Mark the selected as duplicates of…</source>
        <translation>Отметить выбранные как дубликаты обращения…</translation>
    </message>
    <message>
        <source>Set a deadline for the selected…</source>
        <translation>Назначить срок выбранным…</translation>
    </message>
    <message>
        <source>Answer the selected: problem solved…</source>
        <translation>Ответить выбранным: проблема решена…</translation>
    </message>
    <message>
        <source>Add a note to the selected…</source>
        <translation>Добавить заметку к выбранным…</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) selected. Each gets an action of its own in the outbox: each is sent, refused or in conflict on its own, and can be taken back while it waits. Those it cannot be done to are left out, with the reason.</source>
        <translation>
            <numerusform>Выбрано %n обращение. Каждое получает своё действие в исходящих: каждое отправляется, отклоняется сервером или попадает в конфликт само по себе, и его можно отозвать, пока оно ждёт. Те, с которыми этого сделать нельзя, пропускаются с указанием причины.</numerusform>
            <numerusform>Выбрано %n обращения. Каждое получает своё действие в исходящих: каждое отправляется, отклоняется сервером или попадает в конфликт само по себе, и его можно отозвать, пока оно ждёт. Те, с которыми этого сделать нельзя, пропускаются с указанием причины.</numerusform>
            <numerusform>Выбрано %n обращений. Каждое получает своё действие в исходящих: каждое отправляется, отклоняется сервером или попадает в конфликт само по себе, и его можно отозвать, пока оно ждёт. Те, с которыми этого сделать нельзя, пропускаются с указанием причины.</numerusform>
        </translation>
    </message>
    <message>
        <source>The number of the complaint they repeat</source>
        <translation>Номер обращения, которое они повторяют</translation>
    </message>
    <message>
        <source>&amp;Original No.:</source>
        <translation>Номер &amp;исходного:</translation>
    </message>
    <message>
        <source>&amp;Queue for all</source>
        <translation>Поставить в &amp;очередь для всех</translation>
    </message>
    <message>
        <source>Each its own category</source>
        <translation>Каждое в своей категории</translation>
    </message>
    <message>
        <source>The category all are published in, or each its own</source>
        <translation>Категория, в которой публикуются все, или у каждого своя</translation>
    </message>
    <message>
        <source>The category&apos;s agency</source>
        <translation>Ведомство категории</translation>
    </message>
    <message>
        <source>The agency all are routed to, or each its category&apos;s own</source>
        <translation>Ведомство, которому направляются все, или у каждого ведомство его категории</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>&amp;Категория:</translation>
    </message>
    <message>
        <source>Responsible &amp;agency:</source>
        <translation>Ответственное &amp;ведомство:</translation>
    </message>
    <message>
        <source>(write the reason below)</source>
        <translation>(напишите причину ниже)</translation>
    </message>
    <message>
        <source>The standard reason each citizen is told</source>
        <translation>Типовая причина, которую увидит каждый заявитель</translation>
    </message>
    <message>
        <source>Added to the reason, or the reason itself</source>
        <translation>Дополнение к причине или сама причина</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>Comme&amp;nt:</source>
        <translation>Ко&amp;мментарий:</translation>
    </message>
    <message>
        <source>The date the problems will be solved by</source>
        <translation>Дата, к которой проблемы будут решены</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Срок:</translation>
    </message>
    <message>
        <source>(write the text below)</source>
        <translation>(напишите текст ниже)</translation>
    </message>
    <message>
        <source>A response template; its placeholders are filled in for each complaint</source>
        <translation>Шаблон ответа; подстановки заполняются для каждого обращения</translation>
    </message>
    <message>
        <source>The text for every complaint; {number}, {address}, {date}, {agency} and {executor} are filled in for each</source>
        <translation>Текст для всех обращений; {number}, {address}, {date}, {agency} и {executor} заполняются для каждого</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Шаблон:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>&amp;Текст:</translation>
    </message>
    <message>
        <source>Give the number of the original complaint.</source>
        <translation>Укажите номер исходного обращения.</translation>
    </message>
    <message>
        <source>Choose a reason, or write one of at least %1 characters.</source>
        <translation>Выберите причину или напишите её — не короче %1 символов.</translation>
    </message>
    <message>
        <source>Write the text, or choose a template.</source>
        <translation>Напишите текст или выберите шаблон.</translation>
    </message>
    <message>
        <source>Choose the deadline.</source>
        <translation>Выберите срок.</translation>
    </message>
    <message>
        <source>its category has no agency of its own: choose the agency</source>
        <translation>у его категории нет своего ведомства: выберите ведомство</translation>
    </message>
    <message>
        <source>it is the original itself</source>
        <translation>это и есть исходное обращение</translation>
    </message>
    <message>
        <source>%1 cannot be filled in for it</source>
        <translation>для него нельзя заполнить %1</translation>
    </message>
    <message>
        <source>it has no category: choose the category</source>
        <translation>у него нет категории: выберите категорию</translation>
    </message>
</context>
<context>
    <name>rd::BulkResultDialog</name>
    <message>
        <source>For the selected: what became of each</source>
        <translation>Для выбранных: что стало с каждым</translation>
    </message>
    <message>
        <source>The complaints and what became of each</source>
        <translation>Обращения и что стало с каждым</translation>
    </message>
    <message>
        <source>One row a complaint: its number and its action&apos;s fate</source>
        <translation>По строке на обращение: его номер и судьба его действия</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>What became of it</source>
        <translation>Что с ним стало</translation>
    </message>
    <message>
        <source>&amp;Take back those still waiting</source>
        <translation>&amp;Отозвать ещё ждущие</translation>
    </message>
    <message>
        <source>waiting in the outbox</source>
        <translation>ждёт в исходящих</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>отправляется</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>conflict: changed on the server meanwhile (see the Conflicts queue)</source>
        <translation>конфликт: тем временем изменено на сервере (см. очередь «Конфликты»)</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>отклонено сервером: %1</translation>
    </message>
    <message>
        <source>taken back</source>
        <translation>отозвано</translation>
    </message>
    <message>
        <source>left out: %1</source>
        <translation>пропущено: %1</translation>
    </message>
    <message>
        <source>Sent: %1 · waiting: %2 · conflicts: %3 · refused: %4 · taken back: %5 · left out: %6</source>
        <translation>Отправлено: %1 · ждут: %2 · конфликтов: %3 · отклонено сервером: %4 · отозвано: %5 · пропущено: %6</translation>
    </message>
    <message>
        <source>Not everything could be taken back: %1</source>
        <translation>Не всё удалось отозвать: %1</translation>
    </message>
</context>
<context>
    <name>rd::CacheKeys</name>
    <message>
        <source>This computer has no credential store to keep the cache&apos;s key in.</source>
        <translation>На этом компьютере нет хранилища учётных данных, где можно хранить ключ кэша.</translation>
    </message>
    <message>
        <source>The administrator asks for a passphrase to protect the local cache.</source>
        <translation>Администратор требует защищать локальный кэш парольной фразой.</translation>
    </message>
</context>
<context>
    <name>rd::CacheUnlock</name>
    <message>
        <source>The passphrase in REGIONDESK_CACHE_PASSPHRASE does not unlock the local cache %1.</source>
        <translation>Парольная фраза из REGIONDESK_CACHE_PASSPHRASE не открывает локальный кэш %1.</translation>
    </message>
    <message>
        <source>This passphrase does not unlock the local cache.</source>
        <translation>Эта парольная фраза не открывает локальный кэш.</translation>
    </message>
    <message>
        <source>Encrypting the complaints kept on this computer. This is done once; the larger the cache, the longer it takes.</source>
        <translation>Шифрование обращений, сохранённых на этом компьютере. Это делается один раз; чем больше кэш, тем дольше.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Encrypting the local cache</source>
        <translation>Шифрование локального кэша</translation>
    </message>
    <message>
        <source>RegionDesk</source>
        <translation>RegionDesk</translation>
    </message>
    <message>
        <source>The complaints of %1 kept on this computer are encrypted, and their key is not here any more (the system&apos;s credential store lost it, or the cache came from another user or computer). RegionDesk can set the cache aside and download the complaints again; drafts and actions not yet sent cannot be read without the old key.</source>
        <translation>Обращения пользователя %1, сохранённые на этом компьютере, зашифрованы, а их ключа здесь больше нет (его утратило системное хранилище учётных данных, или кэш перенесён от другого пользователя или с другого компьютера). RegionDesk может отложить кэш и заново загрузить обращения; неотправленные черновики и действия без старого ключа не прочитать.</translation>
    </message>
    <message>
        <source>Set aside and start again</source>
        <translation>Отложить и начать заново</translation>
    </message>
    <message>
        <source>The local cache %1 was left as it is.</source>
        <translation>Локальный кэш %1 оставлен как есть.</translation>
    </message>
    <message>
        <source>The passphrase in REGIONDESK_CACHE_PASSPHRASE is too short: a new one has at least %1 characters.</source>
        <translation>Парольная фраза в REGIONDESK_CACHE_PASSPHRASE слишком короткая: новая должна содержать не менее %1 символов.</translation>
    </message>
    <message>
        <source>Encrypting the local cache was cancelled, so it stays closed: RegionDesk opens it only encrypted. Nothing was lost; the next start goes on from there.</source>
        <translation>Шифрование локального кэша отменено, поэтому он остаётся закрытым: RegionDesk открывает его только зашифрованным. Ничего не потеряно; при следующем запуске шифрование продолжится.</translation>
    </message>
    <message>
        <source>The complaints of %1 kept on this computer are encrypted with a key in the system&apos;s credential store, which did not answer. Unlock the credential store (or start its service), then try again.</source>
        <translation>Обращения пользователя %1 на этом компьютере зашифрованы ключом из системного хранилища учётных данных, но оно не ответило. Разблокируйте хранилище (или запустите его службу) и повторите.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>The local cache %1 stays locked until the credential store gives its key.</source>
        <translation>Локальный кэш %1 остаётся закрытым, пока хранилище учётных данных не выдаст его ключ.</translation>
    </message>
</context>
<context>
    <name>rd::ComplaintView</name>
    <message>
        <source>Show on &amp;map</source>
        <translation>На &amp;карте</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Категория:</translation>
    </message>
    <message>
        <source>Agency:</source>
        <translation>Ведомство:</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>Район:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>Filed:</source>
        <translation>Подано:</translation>
    </message>
    <message>
        <source>Answer due:</source>
        <translation>Срок ответа:</translation>
    </message>
    <message>
        <source>Votes:</source>
        <translation>Голоса:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Заявитель:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Ответ:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Итог:</translation>
    </message>
    <message>
        <source>Complaint text (read-only)</source>
        <translation>Текст обращения (только чтение)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Категория %1</translation>
    </message>
    <message>
        <source>not yet assigned</source>
        <translation>ещё не назначено</translation>
    </message>
    <message>
        <source>Agency %1</source>
        <translation>Ведомство %1</translation>
    </message>
    <message>
        <source>filed</source>
        <translation>подано</translation>
    </message>
    <message>
        <source>published</source>
        <translation>опубликовано</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>marked as duplicate</source>
        <translation>отмечено как дубликат</translation>
    </message>
    <message>
        <source>re-routed</source>
        <translation>передано другому ведомству</translation>
    </message>
    <message>
        <source>text edited for publication</source>
        <translation>текст отредактирован для публикации</translation>
    </message>
    <message>
        <source>resolution deadline set</source>
        <translation>назначен срок устранения</translation>
    </message>
    <message>
        <source>deadline extended</source>
        <translation>срок продлён</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>решено</translation>
    </message>
    <message>
        <source>refused with reasons</source>
        <translation>мотивированный отказ</translation>
    </message>
    <message>
        <source>internal note</source>
        <translation>служебная заметка</translation>
    </message>
    <message>
        <source>fix confirmed by the citizen</source>
        <translation>заявитель подтвердил устранение</translation>
    </message>
    <message>
        <source>fix contested by the citizen</source>
        <translation>заявитель оспорил устранение</translation>
    </message>
    <message>
        <source>vote</source>
        <translation>голос</translation>
    </message>
    <message>
        <source>No complaint chosen. Pick one in the queue (arrow keys, J and K).</source>
        <translation>Обращение не выбрано. Выберите его в очереди (стрелки, J и K).</translation>
    </message>
    <message>
        <source>No. %1 · %2</source>
        <translation>№ %1 · %2</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>не известен</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) ago)</source>
        <translation>
            <numerusform>%1 (%n день назад)</numerusform>
            <numerusform>%1 (%n дня назад)</numerusform>
            <numerusform>%1 (%n дней назад)</numerusform>
        </translation>
    </message>
    <message>
        <source>set when published</source>
        <translation>назначается при публикации</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>просрочено на %n день</numerusform>
            <numerusform>просрочено на %n дня</numerusform>
            <numerusform>просрочено на %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Solved: %1</source>
        <translation>Решено: %1</translation>
    </message>
    <message>
        <source>To be fixed by %1: %2</source>
        <translation>Будет устранено до %1: %2</translation>
    </message>
    <message>
        <source>Extended: %1</source>
        <translation>Продлено: %1</translation>
    </message>
    <message>
        <source>Refused (%1): %2</source>
        <translation>Отказ (%1): %2</translation>
    </message>
    <message>
        <source>Duplicate of No. %1</source>
        <translation>Дубликат № %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Отклонено: %1</translation>
    </message>
    <message>
        <source>Citizen: %1</source>
        <translation>Заявитель: %1</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>результат</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>Open the photo (%1 × %2)</source>
        <translation>Открыть фото (%1 × %2)</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Фото %1</translation>
    </message>
    <message>
        <source>before: «%1» → after: «%2»</source>
        <translation>было: «%1» → стало: «%2»</translation>
    </message>
    <message>
        <source>before</source>
        <translation>было</translation>
    </message>
    <message>
        <source>after</source>
        <translation>стало</translation>
    </message>
    <message>
        <source>The history is loaded from the server when you are online.</source>
        <translation>История загружается с сервера, когда есть связь.</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>недоступно</translation>
    </message>
    <message>
        <source>Photo of complaint No. %1</source>
        <translation>Фото к обращению № %1</translation>
    </message>
    <message>
        <source>Click to show it on the map</source>
        <translation>Нажмите, чтобы показать на карте</translation>
    </message>
    <message>
        <source>returned to moderation</source>
        <translation>возвращено на модерацию</translation>
    </message>
    <message>
        <source>the applicant</source>
        <translation>заявитель</translation>
    </message>
    <message>
        <source>Opens the map at this complaint&apos;s place</source>
        <translation>Открывает карту на месте этого обращения</translation>
    </message>
    <message>
        <source>What the citizen wrote, as published</source>
        <translation>Что написал заявитель, в опубликованном виде</translation>
    </message>
    <message>
        <source>Everything done to the complaint, oldest first: when, who, what; a changed text opens to show before and after</source>
        <translation>Всё, что происходило с обращением, от раннего к позднему: когда, кто, что; изменённый текст раскрывается и показывает «было» и «стало»</translation>
    </message>
</context>
<context>
    <name>rd::ConflictDialog</name>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>решено</translation>
    </message>
    <message>
        <source>resolution deadline</source>
        <translation>срок устранения</translation>
    </message>
    <message>
        <source>refusal</source>
        <translation>отказ</translation>
    </message>
    <message>
        <source>Version %1, changed %2</source>
        <translation>Версия %1, изменена %2</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Состояние: %1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Категория: %1</translation>
    </message>
    <message>
        <source>Agency: %1</source>
        <translation>Ведомство: %1</translation>
    </message>
    <message>
        <source>Answer (%1): %2</source>
        <translation>Ответ (%1): %2</translation>
    </message>
    <message>
        <source>Promised by: %1</source>
        <translation>Обещано к: %1</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Ведомство</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <source>Answer text</source>
        <translation>Текст ответа</translation>
    </message>
    <message>
        <source>Promised by</source>
        <translation>Обещано к</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Срок ответа</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Голоса</translation>
    </message>
    <message>
        <source>Citizen&apos;s feedback</source>
        <translation>Отзыв заявителя</translation>
    </message>
    <message>
        <source>Written for version %1</source>
        <translation>Написано для версии %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Дата: %1</translation>
    </message>
    <message>
        <source>Ground: %1</source>
        <translation>Основание: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n фото</numerusform>
            <numerusform>%n фото</numerusform>
            <numerusform>%n фото</numerusform>
        </translation>
    </message>
    <message>
        <source>Complaint No. %1 changed while you worked</source>
        <translation>Обращение № %1 изменилось, пока вы работали</translation>
    </message>
    <message>
        <source>Someone changed this complaint on the server after you wrote your action, so it was not applied. Compare, then apply your action to the new version, edit it, or discard it.</source>
        <translation>Кто-то изменил это обращение на сервере после того, как вы подготовили действие, поэтому оно не применено. Сравните, затем примените действие к новой версии, отредактируйте или удалите его.</translation>
    </message>
    <message>
        <source>The server&apos;s record is not in the cache yet; it arrives with the next synchronisation.</source>
        <translation>Запись сервера ещё не в кэше; она придёт со следующей синхронизацией.</translation>
    </message>
    <message>
        <source>Your action</source>
        <translation>Ваше действие</translation>
    </message>
    <message>
        <source>The server&apos;s record now</source>
        <translation>Запись на сервере сейчас</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <source>&amp;Apply my action to the new version</source>
        <translation>&amp;Применить к новой версии</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Редактировать</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Удалить</translation>
    </message>
</context>
<context>
    <name>rd::CredentialStore</name>
    <message>
        <source>Sign-ins are kept in memory only, as configured; you will be asked to sign in each time RegionDesk starts.</source>
        <translation>По настройке данные входа хранятся только в памяти; при каждом запуске RegionDesk потребуется войти заново.</translation>
    </message>
    <message>
        <source>The system&apos;s credential store is not available (%1). Your sign-in is kept in memory only: you will be asked to sign in again next time RegionDesk starts.</source>
        <translation>Системное хранилище учётных данных недоступно (%1). Данные входа хранятся только в памяти: при следующем запуске RegionDesk потребуется войти заново.</translation>
    </message>
</context>
<context>
    <name>rd::Deadlines</name>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n рабочий день</numerusform>
            <numerusform>%n рабочих дня</numerusform>
            <numerusform>%n рабочих дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::DeskClient</name>
    <message>
        <source>The server&apos;s history of complaint %1 cannot be read (entries[%2].%3). The history shown may be incomplete.</source>
        <translation>Историю обращения № %1 с сервера прочитать не удалось (entries[%2].%3). Показанная история может быть неполной.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 не удаётся прочитать: %2</translation>
    </message>
    <message>
        <source>%1 is %2 MB; a photo may be at most 5 MB. Make it smaller first.</source>
        <translation>%1 занимает %2 МБ; фото может быть не больше 5 МБ. Сначала уменьшите его.</translation>
    </message>
    <message>
        <source>%1 is not a JPEG or PNG photo.</source>
        <translation>%1 — не фотография JPEG или PNG.</translation>
    </message>
    <message>
        <source>Photos are uploaded as you attach them; this needs the server. Attach them again when you are online.</source>
        <translation>Фото загружаются на сервер при прикреплении; для этого нужна связь. Прикрепите их снова, когда появится сеть.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the upload cannot be read.</source>
        <translation>Ответ сервера на загрузку не удаётся прочитать.</translation>
    </message>
    <message>
        <source>The server&apos;s history of complaint %1 cannot be read. The history shown may be incomplete.</source>
        <translation>Историю обращения %1 с сервера не удаётся прочитать. Показанная история может быть неполной.</translation>
    </message>
</context>
<context>
    <name>rd::DeskShell</name>
    <message>
        <source>You have signed out. Your drafts and unsent actions stay on this computer.</source>
        <translation>Вы вышли. Черновики и неотправленные действия остаются на этом компьютере.</translation>
    </message>
    <message>
        <source>Sign in to send your work and receive changes.</source>
        <translation>Войдите, чтобы отправить работу и получить изменения.</translation>
    </message>
    <message>
        <source>The local cache stays locked until its passphrase is given.</source>
        <translation>Локальный кэш останется закрытым, пока не введена его парольная фраза.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выход из учётной записи</translation>
    </message>
    <message>
        <source>Your administrator requires this computer&apos;s copy of your complaints to be wiped when you sign out.</source>
        <translation>Администратор требует удалять копию ваших обращений с этого компьютера при выходе.</translation>
    </message>
    <message>
        <source>Keep this computer&apos;s copy of your complaints for working offline, or wipe it?</source>
        <translation>Оставить копию ваших обращений на этом компьютере для работы без сети или удалить её?</translation>
    </message>
    <message>
        <source>Wiping removes the local cache, its photos and its key from this computer; signing in again downloads your complaints anew.</source>
        <translation>Удаление стирает с этого компьютера локальный кэш, его фотографии и ключ; при следующем входе обращения загрузятся заново.</translation>
    </message>
    <message numerus="yes">
        <source>Not yet sent: %n action(s)</source>
        <translation>
            <numerusform>Не отправлено: %n действие</numerusform>
            <numerusform>Не отправлено: %n действия</numerusform>
            <numerusform>Не отправлено: %n действий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s)</source>
        <translation>
            <numerusform>%n черновик</numerusform>
            <numerusform>%n черновика</numerusform>
            <numerusform>%n черновиков</numerusform>
        </translation>
    </message>
    <message>
        <source>Wiping now loses them; cancel and synchronise first to keep them.</source>
        <translation>При удалении они пропадут; чтобы сохранить их, отмените выход и сначала синхронизируйтесь.</translation>
    </message>
    <message>
        <source>Sign out and &amp;wipe</source>
        <translation>Выйти и &amp;удалить</translation>
    </message>
    <message>
        <source>Sign out and &amp;keep</source>
        <translation>Выйти и &amp;оставить</translation>
    </message>
    <message>
        <source>This computer&apos;s copy of your complaints was wiped. Sign in to download them again.</source>
        <translation>Копия ваших обращений удалена с этого компьютера. Войдите, чтобы загрузить их заново.</translation>
    </message>
    <message>
        <source>This computer&apos;s copy could not be removed completely; remove these files by hand:
%1</source>
        <translation>Копию не удалось удалить полностью; удалите эти файлы вручную:
%1</translation>
    </message>
</context>
<context>
    <name>rd::DeskStatusBar</name>
    <message>
        <source>Synchronise now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>Show the outbox</source>
        <translation>Показать исходящие</translation>
    </message>
    <message>
        <source>Show the conflicts</source>
        <translation>Показать конфликты</translation>
    </message>
    <message>
        <source>Stop the synchronisation</source>
        <translation>Остановить синхронизацию</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <source>Offline: not signed in</source>
        <translation>Без сети: вход не выполнен</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>На связи</translation>
    </message>
    <message>
        <source>Synchronised %1</source>
        <translation>Синхронизировано %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <source>Sent %1 of %2 action(s); received %3 complaint(s)</source>
        <translation>Отправлено действий: %1 из %2; получено обращений: %3</translation>
    </message>
    <message>
        <source>Outbox: %1 (%2 refused)</source>
        <translation>Исходящие: %1 (отклонено: %2)</translation>
    </message>
    <message>
        <source>Outbox: %1</source>
        <translation>Исходящие: %1</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Конфликты: %1</translation>
    </message>
    <message>
        <source>Search may miss the newest complaints: %1 It resumes with the next synchronisation.</source>
        <translation>Поиск может не находить самые новые обращения: %1 Индексирование продолжится при следующей синхронизации.</translation>
    </message>
    <message>
        <source>Send the held actions now, without waiting</source>
        <translation>Отправить отложенные действия сейчас, не дожидаясь</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Отправить сейчас</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>Sending in %1 s — Ctrl+Z undoes</source>
        <translation>Отправка через %1 с — Ctrl+Z отменяет</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n action(s), the first in %1 s — Ctrl+Z undoes the last</source>
        <translation>
            <numerusform>Отправка %n действия, первое через %1 с — Ctrl+Z отменяет последнее</numerusform>
            <numerusform>Отправка %n действий, первое через %1 с — Ctrl+Z отменяет последнее</numerusform>
            <numerusform>Отправка %n действий, первое через %1 с — Ctrl+Z отменяет последнее</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) wait before they are sent; the last goes in %1 s. Ctrl+Z takes back the last one, Send now sends them all at once.</source>
        <translation>
            <numerusform>%n действие ждёт отправки; последнее уйдёт через %1 с. Ctrl+Z отменяет последнее, «Отправить сейчас» отправляет все сразу.</numerusform>
            <numerusform>%n действия ждут отправки; последнее уйдёт через %1 с. Ctrl+Z отменяет последнее, «Отправить сейчас» отправляет все сразу.</numerusform>
            <numerusform>%n действий ждут отправки; последнее уйдёт через %1 с. Ctrl+Z отменяет последнее, «Отправить сейчас» отправляет все сразу.</numerusform>
        </translation>
    </message>
    <message>
        <source>The action waits before it is sent, so that Ctrl+Z can still take it back. Send now sends it at once.</source>
        <translation>Действие ждёт перед отправкой, чтобы его ещё можно было отменить (Ctrl+Z). «Отправить сейчас» отправляет его сразу.</translation>
    </message>
</context>
<context>
    <name>rd::DeskWindow</name>
    <message>
        <source>No. %1 published.</source>
        <translation>№ %1 опубликовано.</translation>
    </message>
    <message>
        <source>No. %1 rejected.</source>
        <translation>№ %1 отклонено.</translation>
    </message>
    <message>
        <source>No. %1 marked as a duplicate.</source>
        <translation>№ %1 отмечено как дубликат.</translation>
    </message>
    <message>
        <source>No. %1: %2 queued.</source>
        <translation>№ %1: «%2» поставлено в очередь.</translation>
    </message>
    <message>
        <source>RegionDesk</source>
        <translation>RegionDesk</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Очередь</translation>
    </message>
    <message>
        <source>Ma&amp;p</source>
        <translation>&amp;Карта</translation>
    </message>
    <message>
        <source>RegionDesk — %1</source>
        <translation>RegionDesk — %1</translation>
    </message>
    <message>
        <source>RegionDesk — %1 (offline)</source>
        <translation>RegionDesk — %1 (без сети)</translation>
    </message>
    <message>
        <source>&amp;Moderation</source>
        <translation>&amp;Модерация</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Заметки</translation>
    </message>
    <message>
        <source>A&amp;nswer and notes</source>
        <translation>О&amp;твет и заметки</translation>
    </message>
    <message>
        <source>Your action “%1” waits in the outbox.</source>
        <translation>Ваше действие «%1» ждёт отправки в исходящих.</translation>
    </message>
    <message>
        <source>Your action “%1” waits in the outbox: %2</source>
        <translation>Ваше действие «%1» ждёт отправки в исходящих: %2</translation>
    </message>
    <message>
        <source>The server refused your action “%1”: %2. It is back in your draft.</source>
        <translation>Сервер отклонил ваше действие «%1»: %2. Оно возвращено в черновик.</translation>
    </message>
    <message>
        <source>The complaint changed on the server before your action “%1” arrived. Use Complaint ▸ Resolve conflict (Ctrl+Shift+R).</source>
        <translation>Обращение изменилось на сервере до того, как пришло ваше действие «%1». Выберите Обращение ▸ Разрешить конфликт (Ctrl+Shift+R).</translation>
    </message>
    <message>
        <source>It is no longer assigned to you; kept for your unsent work.</source>
        <translation>Оно больше не назначено вам; сохранено ради неотправленной работы.</translation>
    </message>
    <message>
        <source>No. %1 cannot be changed that way in its state.</source>
        <translation>№ %1 нельзя так изменить в его состоянии.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтверждение</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>The action could not be put in the outbox: %1</source>
        <translation>Действие не удалось поставить в исходящие: %1</translation>
    </message>
    <message>
        <source>It will be sent with the next synchronisation; Ctrl+Z takes it back until then.</source>
        <translation>Оно будет отправлено при следующей синхронизации; до тех пор Ctrl+Z отменяет его.</translation>
    </message>
    <message>
        <source>Undone: No. %1 is as it was.</source>
        <translation>Отменено: № %1 — как было.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>&amp;Синхронизировать</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Войти…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>В&amp;ыйти из учётной записи</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Редактировать</translation>
    </message>
    <message>
        <source>&amp;Undo last action</source>
        <translation>&amp;Отменить последнее действие</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>&amp;Сбросить фильтры</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>&amp;Очереди</translation>
    </message>
    <message>
        <source>Complaint &amp;list</source>
        <translation>&amp;Список обращений</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Карта</translation>
    </message>
    <message>
        <source>&amp;Answer or moderation</source>
        <translation>&amp;Ответ или модерация</translation>
    </message>
    <message>
        <source>Complaint &amp;below the list</source>
        <translation>Обращение &amp;под списком</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>&amp;Complaint</source>
        <translation>&amp;Обращение</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Следующее</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Предыдущее</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Опубликовать</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>О&amp;тклонить…</translation>
    </message>
    <message>
        <source>Mark &amp;duplicate…</source>
        <translation>&amp;Дубликат…</translation>
    </message>
    <message>
        <source>Re-ro&amp;ute…</source>
        <translation>&amp;Передать…</translation>
    </message>
    <message>
        <source>&amp;Edit text for publication…</source>
        <translation>&amp;Редактировать текст для публикации…</translation>
    </message>
    <message>
        <source>Ask &amp;before moderation actions</source>
        <translation>Спрашивать &amp;перед действиями модерации</translation>
    </message>
    <message>
        <source>Answer: &amp;solved</source>
        <translation>Ответ: &amp;решено</translation>
    </message>
    <message>
        <source>Answer: &amp;deadline</source>
        <translation>Ответ: &amp;срок</translation>
    </message>
    <message>
        <source>Answer: re&amp;fusal</source>
        <translation>Ответ: о&amp;тказ</translation>
    </message>
    <message>
        <source>Internal &amp;note</source>
        <translation>Служебная &amp;заметка</translation>
    </message>
    <message>
        <source>Resolve &amp;conflict…</source>
        <translation>Разрешить &amp;конфликт…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Клавиатурные сокращения</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Клавиатурные сокращения</translation>
    </message>
    <message>
        <source>&amp;About RegionDesk</source>
        <translation>&amp;О программе RegionDesk</translation>
    </message>
    <message>
        <source>About RegionDesk</source>
        <translation>О программе RegionDesk</translation>
    </message>
    <message>
        <source>RegionDesk %1: the desk for officials who answer citizens&apos; complaints.</source>
        <translation>RegionDesk %1: рабочее место сотрудников, отвечающих на обращения граждан.</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Оформление</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлое</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмное</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>&amp;Отчёты…</translation>
    </message>
    <message>
        <source>Map &amp;beside the list</source>
        <translation>Карта &amp;рядом со списком</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Скопировать &amp;диагностику</translation>
    </message>
    <message>
        <source>Version, settings (no passwords), synchronisation state and the last log lines, for a support request</source>
        <translation>Версия, настройки (без паролей), состояние синхронизации и последние строки журнала — для обращения в поддержку</translation>
    </message>
    <message>
        <source>Diagnostics copied: paste them into your support request.</source>
        <translation>Диагностика скопирована: вставьте её в обращение в поддержку.</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Задано администратором</translation>
    </message>
    <message>
        <source>Map &amp;tiles…</source>
        <translation>&amp;Подложка карты…</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>Не отменено</translation>
    </message>
    <message>
        <source>The local store could not take the action back: %1</source>
        <translation>Локальное хранилище не смогло отменить действие: %1</translation>
    </message>
    <message>
        <source>Publish complaint No. %1 as “%2” and route it to %3?</source>
        <translation>Опубликовать обращение № %1 в категории «%2» и направить в «%3»?</translation>
    </message>
    <message>
        <source>Reject complaint No. %1 with the reason “%2”?</source>
        <translation>Отклонить обращение № %1 по причине «%2»?</translation>
    </message>
    <message>
        <source>Mark complaint No. %1 as a duplicate of No. %2?</source>
        <translation>Отметить обращение № %1 как дубликат обращения № %2?</translation>
    </message>
    <message>
        <source>Route complaint No. %1 to %2 instead?</source>
        <translation>Перенаправить обращение № %1 в «%2»?</translation>
    </message>
    <message>
        <source>Save the edited text of complaint No. %1 for publication?</source>
        <translation>Сохранить отредактированный для публикации текст обращения № %1?</translation>
    </message>
    <message>
        <source>Unsent work</source>
        <translation>Неотправленная работа</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) have not reached the server yet.</source>
        <translation>
            <numerusform>%n действие ещё не дошло до сервера.</numerusform>
            <numerusform>%n действия ещё не дошли до сервера.</numerusform>
            <numerusform>%n действий ещё не дошли до сервера.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) were refused or are in conflict and need you.</source>
        <translation>
            <numerusform>%n действие отклонено сервером или в конфликте и ждёт вас.</numerusform>
            <numerusform>%n действия отклонены сервером или в конфликте и ждут вас.</numerusform>
            <numerusform>%n действий отклонены сервером или в конфликте и ждут вас.</numerusform>
        </translation>
    </message>
    <message>
        <source>They are kept on this computer. Send them now, or they go out the next time RegionDesk is online.</source>
        <translation>Они сохранены на этом компьютере. Отправьте их сейчас — или они уйдут, когда RegionDesk в следующий раз будет на связи.</translation>
    </message>
    <message>
        <source>They are kept on this computer and go out the next time RegionDesk is online.</source>
        <translation>Они сохранены на этом компьютере и уйдут, когда RegionDesk в следующий раз будет на связи.</translation>
    </message>
    <message>
        <source>&amp;Send, then quit</source>
        <translation>&amp;Отправить и выйти</translation>
    </message>
    <message>
        <source>&amp;Quit; send later</source>
        <translation>&amp;Выйти, отправить позже</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>&amp;Продолжить работу</translation>
    </message>
    <message>
        <source>Sending, then quitting…</source>
        <translation>Отправка, затем выход…</translation>
    </message>
    <message>
        <source>Not everything could be sent; RegionDesk stays open.</source>
        <translation>Отправить удалось не всё; RegionDesk остаётся открытым.</translation>
    </message>
    <message>
        <source>&amp;Compare with the possible original…</source>
        <translation>&amp;Сравнить с возможным оригиналом…</translation>
    </message>
    <message>
        <source>No. %1 has no complaint of its category nearby to compare with.</source>
        <translation>Рядом с № %1 нет обращений той же категории для сравнения.</translation>
    </message>
    <message>
        <source>Re&amp;turn to moderation…</source>
        <translation>Вернуть на &amp;модерацию…</translation>
    </message>
    <message>
        <source>J / K or ↓ / ↑: next / previous complaint
P: publish · R: reject · D: mark duplicate · U: re-route · E: edit text · M: return to moderation (moderators)
Ctrl+Shift+S / D / X: answer solved / deadline / refusal · Ctrl+Shift+N: note
Ctrl+Enter: send the answer · Ctrl+Z: undo the last action until it is sent
Ctrl+F: search · Ctrl+1 / 2 / 3: queues / list / answer · Ctrl+M: map · F5: synchronise
Map: + / −: zoom · arrows: pan · Home: show all · G: my agency&apos;s area · H: heat layer · A: narrow the queue to the view · Shift+drag: to a rectangle · Ctrl+drag: to a free-form area · Esc: whole map · Ctrl+Shift+M: map beside the list</source>
        <translation>J / K или ↓ / ↑: следующее / предыдущее обращение
P: опубликовать · R: отклонить · D: дубликат · U: передать · E: редактировать текст · M: вернуть на модерацию (модераторы)
Ctrl+Shift+S / D / X: ответ «решено» / «срок» / «отказ» · Ctrl+Shift+N: заметка
Ctrl+Enter: отправить ответ · Ctrl+Z: отменить последнее действие, пока оно не отправлено
Ctrl+F: поиск · Ctrl+1 / 2 / 3: очереди / список / ответ · Ctrl+M: карта · F5: синхронизировать
Карта: + / −: масштаб · стрелки: сдвиг · Home: показать все · G: территория ведомства · H: тепловая карта · A: сузить очередь до видимой части · Shift+перетаскивание: до прямоугольника · Ctrl+перетаскивание: до произвольной области · Esc: вся карта · Ctrl+Shift+M: карта рядом со списком</translation>
    </message>
    <message>
        <source>Why Undo cannot</source>
        <translation>Почему нельзя отменить</translation>
    </message>
    <message>
        <source>Send held actions &amp;now</source>
        <translation>&amp;Отправить отложенные сейчас</translation>
    </message>
    <message>
        <source>Sends the actions waiting for Undo at once</source>
        <translation>Сразу отправляет действия, которые ещё можно отменить</translation>
    </message>
    <message>
        <source>&amp;Hold before sending</source>
        <translation>&amp;Задержка перед отправкой</translation>
    </message>
    <message>
        <source>Send at once</source>
        <translation>Отправлять сразу</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунда</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From now on an action waits %n s before it is sent; Ctrl+Z takes it back until then.</source>
        <translation>
            <numerusform>Теперь действие ждёт %n с перед отправкой; до тех пор Ctrl+Z его отменяет.</numerusform>
            <numerusform>Теперь действие ждёт %n с перед отправкой; до тех пор Ctrl+Z его отменяет.</numerusform>
            <numerusform>Теперь действие ждёт %n с перед отправкой; до тех пор Ctrl+Z его отменяет.</numerusform>
        </translation>
    </message>
    <message>
        <source>From now on an action is sent at once; Ctrl+Z takes it back only until the next synchronisation.</source>
        <translation>Теперь действия отправляются сразу; Ctrl+Z отменяет их только до ближайшей синхронизации.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не отправлено</translation>
    </message>
    <message>
        <source>The held actions could not be released: %1</source>
        <translation>Не удалось отправить отложенные действия: %1</translation>
    </message>
    <message>
        <source>No action is held.</source>
        <translation>Отложенных действий нет.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n action(s) now.</source>
        <translation>
            <numerusform>Отправляется %n действие.</numerusform>
            <numerusform>Отправляются %n действия.</numerusform>
            <numerusform>Отправляются %n действий.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) no longer held: they are sent once you are signed in.</source>
        <translation>
            <numerusform>%n действие больше не ждёт: оно уйдёт, когда вы войдёте в систему.</numerusform>
            <numerusform>%n действия больше не ждут: они уйдут, когда вы войдёте в систему.</numerusform>
            <numerusform>%n действий больше не ждут: они уйдут, когда вы войдёте в систему.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo: already sent</source>
        <translation>&amp;Отменить: уже отправлено</translation>
    </message>
    <message>
        <source>Takes back No. %1 (%2) while it waits to be sent</source>
        <translation>Отменяет действие с № %1 («%2»), пока оно ждёт отправки</translation>
    </message>
    <message>
        <source>Nothing to undo: none of your actions waits to be sent.</source>
        <translation>Отменять нечего: ни одно ваше действие не ждёт отправки.</translation>
    </message>
    <message>
        <source>No. %1 is already sent: to reverse it, use Return to moderation (M).</source>
        <translation>№ %1 уже отправлено: чтобы изменить решение, верните на модерацию (M).</translation>
    </message>
    <message>
        <source>No. %1 is already sent: Undo cannot take it back.</source>
        <translation>№ %1 уже отправлено: отменить нельзя.</translation>
    </message>
    <message>
        <source>No. %1 returned to moderation.</source>
        <translation>№ %1 возвращено на модерацию.</translation>
    </message>
    <message>
        <source>Ctrl+Z takes it back until it is sent.</source>
        <translation>Ctrl+Z отменяет, пока не отправлено.</translation>
    </message>
    <message>
        <source>&amp;Save the filters as a queue…</source>
        <translation>Со&amp;хранить фильтры как очередь…</translation>
    </message>
    <message>
        <source>Names what the filters show in this queue as a queue of your own</source>
        <translation>Сохраняет то, что фильтры показывают в этой очереди, как вашу собственную очередь</translation>
    </message>
    <message>
        <source>Re&amp;name this queue…</source>
        <translation>Переи&amp;меновать эту очередь…</translation>
    </message>
    <message>
        <source>Remo&amp;ve this queue</source>
        <translation>&amp;Удалить эту очередь</translation>
    </message>
    <message numerus="yes">
        <source>%n saved queue(s) could not be read and are not shown.</source>
        <translation>
            <numerusform>%n сохранённую очередь не удалось прочитать, она не показана.</numerusform>
            <numerusform>%n сохранённые очереди не удалось прочитать, они не показаны.</numerusform>
            <numerusform>%n сохранённых очередей не удалось прочитать, они не показаны.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your saved queues could not be read: %1</source>
        <translation>Не удалось прочитать ваши сохранённые очереди: %1</translation>
    </message>
    <message>
        <source>Saved queues</source>
        <translation>Сохранённые очереди</translation>
    </message>
    <message>
        <source>Your saved queues could not be saved: %1</source>
        <translation>Не удалось сохранить ваши очереди: %1</translation>
    </message>
    <message>
        <source>Save the filters as a queue</source>
        <translation>Сохранить фильтры как очередь</translation>
    </message>
    <message>
        <source>Set the filters first (search, category, agency, state, due dates, votes or a map area): the queue you save is this one with them.</source>
        <translation>Сначала задайте фильтры (поиск, категорию, ведомство, состояние, сроки, голоса или область на карте): сохраняется эта очередь с ними.</translation>
    </message>
    <message>
        <source>&amp;Name of the queue:</source>
        <translation>&amp;Название очереди:</translation>
    </message>
    <message>
        <source>A queue&apos;s name is 1 to %1 characters.</source>
        <translation>Название очереди — от 1 до %1 символов.</translation>
    </message>
    <message>
        <source>You have %1 saved queues, as many as can be kept: remove one first.</source>
        <translation>У вас уже %1 сохранённых очередей — больше хранить нельзя: сначала удалите одну.</translation>
    </message>
    <message>
        <source>You have a queue named “%1”. Replace it?</source>
        <translation>У вас уже есть очередь «%1». Заменить её?</translation>
    </message>
    <message>
        <source>Saved as the queue “%1”.</source>
        <translation>Сохранено как очередь «%1».</translation>
    </message>
    <message>
        <source>Rename the queue</source>
        <translation>Переименовать очередь</translation>
    </message>
    <message>
        <source>A queue&apos;s name is 1 to %1 characters, and not one you have already.</source>
        <translation>Название очереди — от 1 до %1 символов и не совпадает с уже имеющимся.</translation>
    </message>
    <message>
        <source>Remove your queue “%1”? The complaints stay where they are.</source>
        <translation>Удалить вашу очередь «%1»? Обращения останутся на своих местах.</translation>
    </message>
    <message>
        <source>The queue as a list (Ctrl+2)</source>
        <translation>Очередь списком (Ctrl+2)</translation>
    </message>
    <message>
        <source>The queue on the map (Ctrl+M)</source>
        <translation>Очередь на карте (Ctrl+M)</translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <source>The open complaint: its text, place, photos and history; the arrow keys scroll</source>
        <translation>Открытое обращение: текст, место, фотографии и история; стрелки прокручивают</translation>
    </message>
    <message>
        <source>Publish, reject, mark a duplicate, re-route or edit the open complaint</source>
        <translation>Опубликовать, отклонить, отметить как дубликат, передать или отредактировать открытое обращение</translation>
    </message>
    <message>
        <source>Internal notes on the open complaint, for staff only</source>
        <translation>Служебные заметки к открытому обращению, только для сотрудников</translation>
    </message>
    <message>
        <source>The agency&apos;s answer to the open complaint, and internal notes (Ctrl+3)</source>
        <translation>Ответ ведомства на открытое обращение и служебные заметки (Ctrl+3)</translation>
    </message>
    <message>
        <source>For the se&amp;lected</source>
        <translation>Для &amp;выбранных</translation>
    </message>
    <message>
        <source>Select &amp;all in the queue (up to %1)</source>
        <translation>Выбрать &amp;все в очереди (до %1)</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Выбрать все</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) selected.</source>
        <translation>
            <numerusform>Выбрано %n обращение.</numerusform>
            <numerusform>Выбрано %n обращения.</numerusform>
            <numerusform>Выбрано %n обращений.</numerusform>
        </translation>
    </message>
    <message>
        <source>The actions could not be put in the outbox: %1</source>
        <translation>Действия не удалось поместить в исходящие: %1</translation>
    </message>
    <message>
        <source>%1 queued, %2 left out.</source>
        <translation>В очереди: %1, пропущено: %2.</translation>
    </message>
    <message numerus="yes">
        <source>The queue holds %n complaint(s); one action takes at most %1. Select the first %1?</source>
        <translation>
            <numerusform>В очереди %n обращение; одно действие берёт не больше %1. Выбрать первые %1?</numerusform>
            <numerusform>В очереди %n обращения; одно действие берёт не больше %1. Выбрать первые %1?</numerusform>
            <numerusform>В очереди %n обращений; одно действие берёт не больше %1. Выбрать первые %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>The local store could not take all of them back: %1</source>
        <translation>Локальное хранилище не смогло отозвать их все: %1</translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n complaint(s) are as they were.</source>
        <translation>
            <numerusform>Отменено: %n обращение снова в прежнем виде.</numerusform>
            <numerusform>Отменено: %n обращения снова в прежнем виде.</numerusform>
            <numerusform>Отменено: %n обращений снова в прежнем виде.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Takes back %1 for the %n complaint(s) of it still waiting</source>
        <translation>
            <numerusform>Отзывает «%1» для %n ещё ждущего обращения</numerusform>
            <numerusform>Отзывает «%1» для %n ещё ждущих обращений</numerusform>
            <numerusform>Отзывает «%1» для %n ещё ждущих обращений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::DuplicateCompareDialog</name>
    <message>
        <source>%1 m</source>
        <translation>%1 м</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>the same day</source>
        <translation>в тот же день</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) earlier</source>
        <translation>
            <numerusform>на %n день раньше</numerusform>
            <numerusform>на %n дня раньше</numerusform>
            <numerusform>на %n дней раньше</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) later</source>
        <translation>
            <numerusform>на %n день позже</numerusform>
            <numerusform>на %n дня позже</numerusform>
            <numerusform>на %n дней позже</numerusform>
        </translation>
    </message>
    <message>
        <source>Is No. %1 a duplicate of No. %2?</source>
        <translation>№ %1 — дубликат № %2?</translation>
    </message>
    <message>
        <source>%1 apart; filed %2.</source>
        <translation>Расстояние между ними %1; подано %2.</translation>
    </message>
    <message>
        <source>This complaint: No. %1</source>
        <translation>Это обращение: № %1</translation>
    </message>
    <message>
        <source>Possible original: No. %1</source>
        <translation>Возможный оригинал: № %1</translation>
    </message>
    <message>
        <source>&amp;Mark No. %1 as a duplicate of No. %2</source>
        <translation>&amp;Отметить № %1 как дубликат № %2</translation>
    </message>
    <message>
        <source>&amp;Not a duplicate: close</source>
        <translation>&amp;Не дубликат: закрыть</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <source>another category</source>
        <translation>другая категория</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Категория:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>Filed:</source>
        <translation>Подано:</translation>
    </message>
    <message>
        <source>Votes:</source>
        <translation>Голоса:</translation>
    </message>
    <message>
        <source>Text of No. %1</source>
        <translation>Текст № %1</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>No photos.</source>
        <translation>Фото нет.</translation>
    </message>
</context>
<context>
    <name>rd::FilterBar</name>
    <message>
        <source>Search text and address (Ctrl+F)</source>
        <translation>Поиск по тексту и адресу (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Ведомство</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Любое состояние</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>С&amp;рок</translation>
    </message>
    <message>
        <source>Only complaints whose answer is due in this range</source>
        <translation>Только обращения со сроком ответа в этом интервале</translation>
    </message>
    <message>
        <source>Due from</source>
        <translation>Срок с</translation>
    </message>
    <message>
        <source>Due to</source>
        <translation>Срок по</translation>
    </message>
    <message>
        <source>votes ≥ </source>
        <translation>голосов ≥ </translation>
    </message>
    <message>
        <source>Minimum votes</source>
        <translation>Минимум голосов</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Любая категория</translation>
    </message>
    <message>
        <source>Any agency</source>
        <translation>Любое ведомство</translation>
    </message>
    <message>
        <source>Map area ✕</source>
        <translation>Область карты ✕</translation>
    </message>
    <message>
        <source>Only complaints inside the area chosen on the map; click to show the whole queue again</source>
        <translation>Только обращения внутри области, выбранной на карте; нажмите, чтобы снова показать всю очередь</translation>
    </message>
    <message>
        <source>Clear the map area</source>
        <translation>Снять область карты</translation>
    </message>
    <message>
        <source>Only complaints with at least this many votes</source>
        <translation>Только обращения, набравшие не меньше указанного числа голосов</translation>
    </message>
</context>
<context>
    <name>rd::MapButtons</name>
    <message>
        <source>Zoom in (+)</source>
        <translation>Приблизить (+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Отдалить (−)</translation>
    </message>
    <message>
        <source>Show all (Home)</source>
        <translation>Показать все (Home)</translation>
    </message>
    <message>
        <source>My agency&apos;s area (G)</source>
        <translation>Территория моего ведомства (G)</translation>
    </message>
    <message>
        <source>Heat layer (H)</source>
        <translation>Тепловая карта (H)</translation>
    </message>
    <message>
        <source>Narrow the queue to an area: drag a rectangle (or Shift+drag; A: what is in view)</source>
        <translation>Сузить очередь до области: обведите прямоугольник (или Shift+перетаскивание; A — видимая часть)</translation>
    </message>
    <message>
        <source>Whole map again (Esc)</source>
        <translation>Снова вся карта (Esc)</translation>
    </message>
    <message>
        <source>&amp;Markers</source>
        <translation>&amp;Метки</translation>
    </message>
    <message>
        <source>Heat by &amp;number of complaints</source>
        <translation>Тепловая карта по &amp;числу обращений</translation>
    </message>
    <message>
        <source>Heat by &amp;votes</source>
        <translation>Тепловая карта по &amp;голосам</translation>
    </message>
</context>
<context>
    <name>rd::MapNotice</name>
    <message>
        <source>Choose a map…</source>
        <translation>Выбрать карту…</translation>
    </message>
    <message>
        <source>Choose where the map&apos;s pictures come from: OpenStreetMap, the agency&apos;s map server or a map file</source>
        <translation>Выбрать, откуда берётся изображение карты: OpenStreetMap, картографический сервер ведомства или файл карты</translation>
    </message>
</context>
<context>
    <name>rd::MapOverlay</name>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 м</translation>
    </message>
    <message>
        <source>Closed without a fix</source>
        <translation>Закрыто без устранения</translation>
    </message>
    <message>
        <source>Heat: votes</source>
        <translation>Тепло: голоса</translation>
    </message>
    <message>
        <source>Heat: complaints</source>
        <translation>Тепло: обращения</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Your draft</source>
        <translation>Ваш черновик</translation>
    </message>
    <message>
        <source>Larger: more votes</source>
        <translation>Крупнее — больше голосов</translation>
    </message>
    <message>
        <source>fewer</source>
        <translation>меньше</translation>
    </message>
    <message>
        <source>more</source>
        <translation>больше</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) in the area</source>
        <translation>
            <numerusform>%n обращение в выбранной области</numerusform>
            <numerusform>%n обращения в выбранной области</numerusform>
            <numerusform>%n обращений в выбранной области</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rd::MapSourceDialog</name>
    <message>
        <source>The tile server&apos;s address must start with https:// (or http://) and name a host.</source>
        <translation>Адрес сервера тайлов должен начинаться с https:// (или http://) и содержать имя сервера.</translation>
    </message>
    <message>
        <source>The address must contain {z}, {x} and {y} (zoom, column, row), e.g. https://tiles.example.ru/{z}/{x}/{y}.png.</source>
        <translation>Адрес должен содержать {z}, {x} и {y} (масштаб, столбец, строка), например https://tiles.example.ru/{z}/{x}/{y}.png.</translation>
    </message>
    <message>
        <source>Map tiles</source>
        <translation>Подложка карты</translation>
    </message>
    <message>
        <source>&amp;OpenStreetMap (online; tiles kept for offline use as they are seen)</source>
        <translation>&amp;OpenStreetMap (в сети; просмотренные тайлы сохраняются для работы без сети)</translation>
    </message>
    <message>
        <source>Another &amp;tile server:</source>
        <translation>Другой &amp;сервер тайлов:</translation>
    </message>
    <message>
        <source>Tile server address</source>
        <translation>Адрес сервера тайлов</translation>
    </message>
    <message>
        <source>An &amp;MBTiles file of the region (offline):</source>
        <translation>&amp;Файл MBTiles с картой региона (без сети):</translation>
    </message>
    <message>
        <source>MBTiles file</source>
        <translation>Файл MBTiles</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;No tiles (complaints on a grid)</source>
        <translation>&amp;Без подложки (обращения на сетке)</translation>
    </message>
    <message>
        <source>The map&apos;s tiles are set by your administrator.</source>
        <translation>Подложку карты задаёт администратор.</translation>
    </message>
    <message>
        <source>MBTiles (*.mbtiles);;All files (*)</source>
        <translation>MBTiles (*.mbtiles);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose the MBTiles file.</source>
        <translation>Выберите файл MBTiles.</translation>
    </message>
</context>
<context>
    <name>rd::MapWidget</name>
    <message>
        <source>Complaint map</source>
        <translation>Карта обращений</translation>
    </message>
    <message>
        <source>No. %1 · %2 · votes: %3%4</source>
        <translation>№ %1 · %2 · голосов: %3%4</translation>
    </message>
    <message>
        <source> · overdue</source>
        <translation> · просрочено</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) · %1 overdue · click to zoom in</source>
        <translation>
            <numerusform>%n обращение · просрочено: %1 · щёлкните, чтобы приблизить</numerusform>
            <numerusform>%n обращения · просрочено: %1 · щёлкните, чтобы приблизить</numerusform>
            <numerusform>%n обращений · просрочено: %1 · щёлкните, чтобы приблизить</numerusform>
        </translation>
    </message>
    <message>
        <source>No map source is set, so the map shows only the districts and streets the server sent. To see a detailed map, choose one: View ▸ Map tiles…</source>
        <translation>Источник карты не выбран, поэтому показаны только районы и улицы из данных сервера. Чтобы видеть подробную карту, выберите её: Вид ▸ Подложка карты…</translation>
    </message>
    <message>
        <source>No map source is set, and the server has sent no outlines of the city yet: the complaints are shown on a plain grid. To see a map, choose one: View ▸ Map tiles…</source>
        <translation>Источник карты не выбран, а очертаний города сервер ещё не прислал: обращения показаны на простой сетке. Чтобы видеть карту, выберите её: Вид ▸ Подложка карты…</translation>
    </message>
    <message>
        <source>Meanwhile the map shows the districts and streets the server sent.</source>
        <translation>Пока показаны районы и улицы из данных сервера.</translation>
    </message>
    <message>
        <source>The map has not loaded here yet (no network, or not seen here before); meanwhile it shows the districts and streets the server sent.</source>
        <translation>Карта здесь ещё не загрузилась (нет сети или это место раньше не открывали); пока показаны районы и улицы из данных сервера.</translation>
    </message>
    <message>
        <source>The map has not loaded here yet (no network, or not seen here before); meanwhile the complaints are shown on a plain grid.</source>
        <translation>Карта здесь ещё не загрузилась (нет сети или это место раньше не открывали); пока обращения показаны на простой сетке.</translation>
    </message>
</context>
<context>
    <name>rd::MbTiles</name>
    <message>
        <source>The map file %1 does not exist.</source>
        <translation>Файл карты %1 не существует.</translation>
    </message>
    <message>
        <source>The map file %1 is not an MBTiles file (it has no &quot;tiles&quot; and &quot;metadata&quot; tables).</source>
        <translation>Файл карты %1 не является файлом MBTiles (в нём нет таблиц «tiles» и «metadata»).</translation>
    </message>
    <message>
        <source>The map file %1 holds %2 tiles; RegionDesk shows PNG and JPEG tiles only.</source>
        <translation>Файл карты %1 содержит тайлы %2; RegionDesk показывает только тайлы PNG и JPEG.</translation>
    </message>
    <message>
        <source>The map file %1 cannot be read as an MBTiles file: %2</source>
        <translation>Файл карты %1 не удаётся прочитать как файл MBTiles: %2</translation>
    </message>
</context>
<context>
    <name>rd::ModerationPanel</name>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Опубликовать</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>О&amp;тклонить</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Дубликат</translation>
    </message>
    <message>
        <source>Re-ro&amp;ute</source>
        <translation>&amp;Передать</translation>
    </message>
    <message>
        <source>Edi&amp;t text</source>
        <translation>&amp;Текст</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>&amp;Категория:</translation>
    </message>
    <message>
        <source>Responsible &amp;agency:</source>
        <translation>Ответственное &amp;ведомство:</translation>
    </message>
    <message>
        <source>Publish and route (P)</source>
        <translation>Опубликовать и направить (P)</translation>
    </message>
    <message>
        <source>Added to the reason for the citizen (optional)</source>
        <translation>Дополнение к причине для заявителя (необязательно)</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>Comme&amp;nt:</source>
        <translation>&amp;Комментарий:</translation>
    </message>
    <message>
        <source>Reject (R, then Enter)</source>
        <translation>Отклонить (R, затем Enter)</translation>
    </message>
    <message>
        <source> m</source>
        <translation> м</translation>
    </message>
    <message>
        <source>Or search by number, text or address</source>
        <translation>Или поиск по номеру, тексту, адресу</translation>
    </message>
    <message>
        <source>Possible originals</source>
        <translation>Возможные исходные обращения</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Расстояние</translation>
    </message>
    <message>
        <source>Within:</source>
        <translation>В радиусе:</translation>
    </message>
    <message>
        <source>New &amp;agency:</source>
        <translation>Новое &amp;ведомство:</translation>
    </message>
    <message>
        <source>Reas&amp;on:</source>
        <translation>П&amp;ричина:</translation>
    </message>
    <message>
        <source>Re-route</source>
        <translation>Передать</translation>
    </message>
    <message>
        <source>e.g. personal data removed</source>
        <translation>например, удалены персональные данные</translation>
    </message>
    <message>
        <source>Text to &amp;publish:</source>
        <translation>Текст для &amp;публикации:</translation>
    </message>
    <message>
        <source>The citizen&apos;s original text stays in the history.</source>
        <translation>Исходный текст заявителя сохраняется в истории.</translation>
    </message>
    <message>
        <source>Save the edited text</source>
        <translation>Сохранить отредактированный текст</translation>
    </message>
    <message>
        <source>No complaint of this category within %1 m.</source>
        <translation>В радиусе %1 м нет обращений этой категории.</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) of this category nearby, nearest first.</source>
        <translation>
            <numerusform>Рядом %n обращение этой категории, ближайшие первыми.</numerusform>
            <numerusform>Рядом %n обращения этой категории, ближайшие первыми.</numerusform>
            <numerusform>Рядом %n обращений этой категории, ближайшие первыми.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) found.</source>
        <translation>
            <numerusform>Найдено %n обращение.</numerusform>
            <numerusform>Найдено %n обращения.</numerusform>
            <numerusform>Найдено %n обращений.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 м</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>This cannot be done to a complaint in this state.</source>
        <translation>С обращением в этом состоянии так поступить нельзя.</translation>
    </message>
    <message>
        <source>Choose the category and the responsible agency.</source>
        <translation>Выберите категорию и ответственное ведомство.</translation>
    </message>
    <message>
        <source>Choose the original complaint in the list.</source>
        <translation>Выберите исходное обращение в списке.</translation>
    </message>
    <message>
        <source>Choose the new agency.</source>
        <translation>Выберите новое ведомство.</translation>
    </message>
    <message>
        <source>The complaint is already with this agency.</source>
        <translation>Обращение уже в этом ведомстве.</translation>
    </message>
    <message>
        <source>The text is unchanged.</source>
        <translation>Текст не изменён.</translation>
    </message>
    <message>
        <source>Unknown action.</source>
        <translation>Неизвестное действие.</translation>
    </message>
    <message>
        <source>(the service lists no standard reasons: write one)</source>
        <translation>(служба не задала типовых причин: напишите причину)</translation>
    </message>
    <message>
        <source>Write the reason for the citizen: at least %1 characters.</source>
        <translation>Напишите причину для заявителя: не менее %1 символов.</translation>
    </message>
    <message>
        <source>The reason is too long: at most %1 characters.</source>
        <translation>Причина слишком длинная: не более %1 символов.</translation>
    </message>
    <message>
        <source>The text to publish must have %1 to %2 characters.</source>
        <translation>Текст для публикации должен содержать от %1 до %2 символов.</translation>
    </message>
    <message>
        <source>The reason the citizen reads (at least %1 characters)</source>
        <translation>Причина, которую прочтёт гражданин (не короче %1 символов)</translation>
    </message>
    <message>
        <source>Choose the reason (↓ in the list), or write one in the comment.</source>
        <translation>Выберите причину (↓ в списке) или напишите её в комментарии.</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Подано</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>&amp;Compare (C)</source>
        <translation>&amp;Сравнить (C)</translation>
    </message>
    <message>
        <source>This complaint and the chosen one side by side: text, photos, place and dates</source>
        <translation>Это обращение и выбранное рядом: текст, фото, место и даты</translation>
    </message>
    <message>
        <source>Duplicate of the chosen one (D, Enter)</source>
        <translation>Дубликат выбранного (D, Enter)</translation>
    </message>
    <message>
        <source>%1
%2 · %3</source>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <source>Retur&amp;n</source>
        <translation>&amp;Вернуть</translation>
    </message>
    <message>
        <source>Why the decision is taken back (kept in the history)</source>
        <translation>Почему решение отменяется (сохраняется в истории)</translation>
    </message>
    <message>
        <source>Return to moderation… (M, Ctrl+Enter)</source>
        <translation>Вернуть на модерацию… (M, Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The publication is taken back: the complaint is no longer public, %1 no longer sees it, and it waits in the moderation queue with its category, to be published again or decided otherwise.</source>
        <translation>Публикация отменяется: обращение больше не публично, %1 его больше не видит, и оно ждёт в очереди модерации со своей категорией — его можно опубликовать снова или решить иначе.</translation>
    </message>
    <message>
        <source>the agency</source>
        <translation>ведомство</translation>
    </message>
    <message>
        <source>The rejection is taken back: the complaint waits in the moderation queue to be decided again.</source>
        <translation>Отклонение отменяется: обращение ждёт в очереди модерации нового решения.</translation>
    </message>
    <message>
        <source>The mark “duplicate of No. %1” is taken back: the complaint waits in the moderation queue to be decided again.</source>
        <translation>Отметка «дубликат № %1» снимается: обращение ждёт в очереди модерации нового решения.</translation>
    </message>
    <message>
        <source>The duplicate mark is taken back: the complaint waits in the moderation queue to be decided again.</source>
        <translation>Отметка «дубликат» снимается: обращение ждёт в очереди модерации нового решения.</translation>
    </message>
    <message>
        <source>Only a published complaint the agency has not answered yet, a rejected one or a duplicate can go back to moderation.</source>
        <translation>Вернуть на модерацию можно только опубликованное обращение, на которое ведомство ещё не ответило, отклонённое обращение или дубликат.</translation>
    </message>
    <message>
        <source>Return complaint No. %1 to moderation?

%2

The reason “%3” goes in its history.</source>
        <translation>Вернуть обращение № %1 на модерацию?

%2

Причина «%3» будет записана в его историю.</translation>
    </message>
    <message>
        <source>Write why the decision is taken back: %1 to %2 characters.</source>
        <translation>Напишите, почему решение отменяется: от %1 до %2 символов.</translation>
    </message>
    <message>
        <source>Publish the complaint and send it to the responsible agency</source>
        <translation>Опубликовать обращение и направить его ответственному ведомству</translation>
    </message>
    <message>
        <source>Reject the complaint with a reason the citizen is told</source>
        <translation>Отклонить обращение с причиной, которую увидит заявитель</translation>
    </message>
    <message>
        <source>Mark the complaint a duplicate of an earlier one</source>
        <translation>Отметить обращение как дубликат более раннего</translation>
    </message>
    <message>
        <source>Send the complaint to another agency</source>
        <translation>Передать обращение другому ведомству</translation>
    </message>
    <message>
        <source>Edit the text to be published (personal data removed)</source>
        <translation>Отредактировать публикуемый текст (убрать персональные данные)</translation>
    </message>
    <message>
        <source>Take a decision already sent back to moderation</source>
        <translation>Вернуть уже отправленное решение на модерацию</translation>
    </message>
    <message>
        <source>%1: the decision is queued and sent after the hold</source>
        <translation>%1: решение ставится в очередь и отправляется после задержки</translation>
    </message>
    <message>
        <source>The category the complaint is published in; it suggests the agency</source>
        <translation>Категория, в которой публикуется обращение; по ней предлагается ведомство</translation>
    </message>
    <message>
        <source>The agency that must answer the complaint</source>
        <translation>Ведомство, которое должно ответить на обращение</translation>
    </message>
    <message>
        <source>The standard reason the citizen is told; Enter rejects</source>
        <translation>Типовая причина, которую увидит заявитель; Enter — отклонить</translation>
    </message>
    <message>
        <source>Added to the reason for the citizen; Enter rejects, Shift+Enter starts a new line</source>
        <translation>Дополнение к причине для заявителя; Enter — отклонить, Shift+Enter — новая строка</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>В радиусе</translation>
    </message>
    <message>
        <source>How far from this complaint possible originals are looked for, in metres</source>
        <translation>На каком расстоянии от обращения искать возможные исходные, в метрах</translation>
    </message>
    <message>
        <source>Search for the original</source>
        <translation>Поиск исходного обращения</translation>
    </message>
    <message>
        <source>Finds the original by its number, text or address instead of nearby</source>
        <translation>Ищет исходное обращение по номеру, тексту или адресу, а не поблизости</translation>
    </message>
    <message>
        <source>Complaints of this category nearby, nearest first; Enter marks this one a duplicate of the chosen</source>
        <translation>Обращения этой категории поблизости, ближайшие первыми; Enter отмечает это обращение дубликатом выбранного</translation>
    </message>
    <message>
        <source>The agency the complaint goes to instead</source>
        <translation>Ведомство, которому передаётся обращение</translation>
    </message>
    <message>
        <source>Why it goes to another agency (kept in the history)</source>
        <translation>Почему обращение передаётся другому ведомству (сохраняется в истории)</translation>
    </message>
    <message>
        <source>The complaint&apos;s text as it is to be published, with personal data removed</source>
        <translation>Текст обращения в том виде, в каком он будет опубликован, без персональных данных</translation>
    </message>
    <message>
        <source>Why the text was edited (kept in the history)</source>
        <translation>Почему текст отредактирован (сохраняется в истории)</translation>
    </message>
    <message>
        <source>Why the decision is taken back (kept in the history); Ctrl+Enter returns it</source>
        <translation>Почему решение отменяется (сохраняется в истории); Ctrl+Enter — вернуть</translation>
    </message>
</context>
<context>
    <name>rd::PassphraseDialog</name>
    <message>
        <source>Protect the local cache</source>
        <translation>Защита локального кэша</translation>
    </message>
    <message>
        <source>Unlock the local cache</source>
        <translation>Открытие локального кэша</translation>
    </message>
    <message>
        <source>The complaints of %1 kept on this computer hold citizens&apos; personal data and are encrypted. Choose a passphrase of at least %2 characters: it is asked for each time RegionDesk starts, and without it the saved complaints, drafts and unsent actions cannot be read. It is not stored anywhere.</source>
        <translation>Обращения пользователя %1, сохранённые на этом компьютере, содержат персональные данные граждан и шифруются. Выберите парольную фразу не короче %2 символов: она запрашивается при каждом запуске RegionDesk, и без неё сохранённые обращения, черновики и неотправленные действия не прочитать. Фраза нигде не хранится.</translation>
    </message>
    <message>
        <source>The complaints of %1 kept on this computer are encrypted. Enter the passphrase chosen for them.</source>
        <translation>Обращения пользователя %1, сохранённые на этом компьютере, зашифрованы. Введите выбранную для них парольную фразу.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Парольная фраза ещё раз</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Ещё раз:</translation>
    </message>
    <message>
        <source>&amp;Encrypt</source>
        <translation>&amp;Зашифровать</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Не менее %1 символов.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Фразы не совпадают.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Открытие…</translation>
    </message>
</context>
<context>
    <name>rd::PhotoFetcher</name>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>The server sent something that is not a JPEG or PNG image for photo %1.</source>
        <translation>Сервер прислал для фотографии %1 данные, которые не являются изображением JPEG или PNG.</translation>
    </message>
    <message>
        <source>The photo cache is full (%1 MB); %2 photo(s) were not made available offline. Raise the limit in the settings.</source>
        <translation>Кэш фотографий заполнен (%1 МБ); фотографий, не сохранённых для работы без сети: %2. Увеличьте лимит в настройках.</translation>
    </message>
</context>
<context>
    <name>rd::QueueList</name>
    <message>
        <source>Queues</source>
        <translation>Очереди</translation>
    </message>
    <message>
        <source>Awaiting moderation</source>
        <translation>На модерации</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Возможные дубликаты</translation>
    </message>
    <message>
        <source>New for my agency</source>
        <translation>Новые для моего ведомства</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Срок скоро</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Contested after the fix</source>
        <translation>Оспорены после устранения</translation>
    </message>
    <message>
        <source>All complaints</source>
        <translation>Все обращения</translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation>Мои черновики</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>Search everywhere</source>
        <translation>Поиск по всем</translation>
    </message>
    <message>
        <source>My queues</source>
        <translation>Мои очереди</translation>
    </message>
    <message>
        <source>Your saved search over “%1”; F2 renames it, Delete removes it</source>
        <translation>Ваш сохранённый поиск по очереди «%1»; F2 — переименовать, Delete — удалить</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Переименовать…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Your queues with how many complaints each holds, then the queues you saved; choosing one shows it in the list</source>
        <translation>Ваши очереди с числом обращений в каждой, затем сохранённые вами; выбранная показывается в списке</translation>
    </message>
</context>
<context>
    <name>rd::QueueModel</name>
    <message>
        <source>Awaiting moderation</source>
        <translation>На модерации</translation>
    </message>
    <message>
        <source>Awaiting answer</source>
        <translation>Ожидает ответа</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дубликат</translation>
    </message>
    <message>
        <source>Deadline set</source>
        <translation>Назначен срок</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Решено</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждено</translation>
    </message>
    <message>
        <source>Contested</source>
        <translation>Оспорено</translation>
    </message>
    <message>
        <source>No longer assigned to you; kept because of your unsent work</source>
        <translation>Больше не назначено вам; сохранено из-за вашей неотправленной работы</translation>
    </message>
    <message>
        <source>You have a draft answer for this complaint</source>
        <translation>У вас есть черновик ответа на это обращение</translation>
    </message>
    <message>
        <source>Overdue: the answer was due on %1</source>
        <translation>Просрочено: ответ нужно было дать до %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Голоса</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Your action waits in the outbox to be sent</source>
        <translation>Ваше действие ждёт отправки в исходящих</translation>
    </message>
    <message>
        <source>Filed on %1</source>
        <translation>Подано %1</translation>
    </message>
    <message>
        <source>Due soon: the answer is due on %1</source>
        <translation>Срок скоро: ответ нужно дать до %1</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Давность</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>№ %1</translation>
    </message>
    <message>
        <source>Possibly a duplicate of complaint No. %1: compare them on the Duplicate tab (D)</source>
        <translation>Возможно, дубликат обращения № %1: сравните их на вкладке «Дубликат» (D)</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Похоже на</translation>
    </message>
</context>
<context>
    <name>rd::QueuePane</name>
    <message>
        <source>Complaints in the queue</source>
        <translation>Обращения в очереди</translation>
    </message>
    <message>
        <source>&lt;b&gt;The queue cannot be read from the local cache.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Очередь не удаётся прочитать из локального кэша.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The complaints are not lost: what the cache holds stays as it is, and so do your drafts and unsent actions. If it keeps failing, send Help ▸ Copy diagnostics with your support request.</source>
        <translation>Обращения не потеряны: содержимое кэша, ваши черновики и неотправленные действия остаются как есть. Если ошибка повторяется, приложите к обращению в поддержку данные из «Справка ▸ Скопировать диагностику».</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>The queue cannot be read</source>
        <translation>Очередь не удаётся прочитать</translation>
    </message>
    <message>
        <source>The chosen queue&apos;s complaints; the arrow keys move, the open one is shown beside</source>
        <translation>Обращения выбранной очереди; стрелки перемещают, открытое показывается рядом</translation>
    </message>
</context>
<context>
    <name>rd::ReportDialog</name>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Эта неделя</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Свой период</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Все ведомства</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 книжная</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 альбомная</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Период:</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>С – по:</translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;Ведомство:</translation>
    </message>
    <message>
        <source>&amp;Categories:</source>
        <translation>&amp;Категории:</translation>
    </message>
    <message>
        <source>&amp;Districts:</source>
        <translation>&amp;Районы:</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Бумага:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>Пр&amp;осмотр…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Пе&amp;чать…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Сохранить PDF…</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation>Выгрузить CS&amp;V…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX…</source>
        <translation>Выгрузить &amp;XLSX…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV для Excel (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>report %1 %2</source>
        <translation>отчёт %1 %2</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Отчёт формируется…</translation>
    </message>
    <message>
        <source>The period&apos;s first day is after its last.</source>
        <translation>Первый день периода позже последнего.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Отменено; ничего не записано.</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Предварительный просмотр отчёта</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n complaint(s) in the period.</source>
        <translation>
            <numerusform>Готово: %n обращение за период.</numerusform>
            <numerusform>Готово: %n обращения за период.</numerusform>
            <numerusform>Готово: %n обращений за период.</numerusform>
        </translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Прошлая неделя</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <source>Previous quarter</source>
        <translation>Прошлый квартал</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>Прошлый год</translation>
    </message>
    <message>
        <source>The lists of complaints give the addresses citizens named: a saved or printed report is personal data; keep and pass it on as your agency&apos;s rules require.</source>
        <translation>В списках обращений указаны адреса, названные гражданами: сохранённый или напечатанный отчёт содержит персональные данные; храните и передавайте его по правилам вашего ведомства.</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Персональные данные</translation>
    </message>
</context>
<context>
    <name>rd::SessionManager</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to signing in cannot be read. Is %1 a RegionDesk server?</source>
        <translation>Ответ сервера на вход не удаётся прочитать. Является ли %1 сервером RegionDesk?</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Сеанс завершён. Войдите снова.</translation>
    </message>
    <message>
        <source>Sign in to continue.</source>
        <translation>Войдите, чтобы продолжить.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; your unsent work is kept.</source>
        <translation>Сеанс завершён. Войдите снова; неотправленная работа сохранена.</translation>
    </message>
</context>
<context>
    <name>rd::SignInDialog</name>
    <message>
        <source>Sign in to RegionDesk</source>
        <translation>Вход в RegionDesk</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>П&amp;ароль:</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Work &amp;offline</source>
        <translation>Работать &amp;без сети</translation>
    </message>
    <message>
        <source>Open the complaints saved on this computer; your work is sent when you sign in again</source>
        <translation>Открыть обращения, сохранённые на этом компьютере; работа будет отправлена при следующем входе</translation>
    </message>
    <message>
        <source>Open the complaints saved on this computer for %1; your work is sent when you sign in again</source>
        <translation>Открыть обращения, сохранённые на этом компьютере для %1; работа будет отправлена при следующем входе</translation>
    </message>
    <message>
        <source>The server address is not valid. It looks like https://desk.example.org.</source>
        <translation>Адрес сервера неверен. Он выглядит так: https://desk.example.org.</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Вход на %1…</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Задано администратором</translation>
    </message>
</context>
<context>
    <name>rd::SyncEngine</name>
    <message>
        <source>This cache belongs to another user or server (%1). Sign in as that user, or use another cache.</source>
        <translation>Этот кэш принадлежит другому пользователю или серверу (%1). Войдите под этим пользователем или используйте другой кэш.</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>Синхронизация отменена.</translation>
    </message>
    <message>
        <source>The complaint was changed on the server after you wrote this (now version %1). Re-apply your action on the new version, edit it, or discard it.</source>
        <translation>Обращение изменилось на сервере после того, как вы это написали (теперь версия %1). Примените действие к новой версии, отредактируйте или отмените его.</translation>
    </message>
    <message>
        <source>The complaint no longer exists on the server.</source>
        <translation>Обращения больше нет на сервере.</translation>
    </message>
    <message>
        <source>The server refused this action: %1</source>
        <translation>Сервер отклонил это действие: %1</translation>
    </message>
    <message>
        <source>This action is no longer possible in the complaint&apos;s state: %1</source>
        <translation>Это действие больше невозможно в текущем состоянии обращения: %1</translation>
    </message>
    <message>
        <source>The server asks for corrections: %1</source>
        <translation>Сервер просит исправить: %1</translation>
    </message>
    <message>
        <source>The server&apos;s data changed during the sync; it will start over.</source>
        <translation>Данные сервера изменились во время синхронизации; она начнётся заново.</translation>
    </message>
    <message>
        <source>The local cache was changed by another sync; try again.</source>
        <translation>Локальный кэш изменён другой синхронизацией; повторите попытку.</translation>
    </message>
    <message>
        <source>The server sent data the cache cannot store (%1); nothing of it was applied.</source>
        <translation>Сервер прислал данные, которые кэш не может сохранить (%1); ничего из них не применено.</translation>
    </message>
    <message>
        <source>Indexing for search stopped.</source>
        <translation>Индексирование для поиска остановлено.</translation>
    </message>
    <message>
        <source>The server did not send the city&apos;s outlines this time (they are asked for again at the next sync); the map shows the ones it had.</source>
        <translation>Сервер не прислал очертания города (они будут запрошены снова при следующей синхронизации); на карте — прежние.</translation>
    </message>
    <message>
        <source>The server&apos;s outlines of the city could not be read; the map shows the ones it had.</source>
        <translation>Очертания города, присланные сервером, не удалось прочитать; на карте — прежние.</translation>
    </message>
</context>
<context>
    <name>rd::TileSource</name>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation>© участники OpenStreetMap</translation>
    </message>
    <message>
        <source>The map server sent something that is not a picture; those parts of the map are not shown.</source>
        <translation>Картографический сервер прислал не изображение; эти части карты не показаны.</translation>
    </message>
    <message>
        <source>The map cannot be loaded from the network (%1); it shows what it has.</source>
        <translation>Карту не удаётся загрузить из сети (%1); показано то, что уже есть.</translation>
    </message>
    <message>
        <source>The map server refused (HTTP %1); the map shows what it has.</source>
        <translation>Картографический сервер отказал (HTTP %1); показано то, что уже есть.</translation>
    </message>
    <message>
        <source>The map cannot be kept for offline use (its cache on this computer cannot be written); it is shown all the same.</source>
        <translation>Карту не удаётся сохранить для работы без сети (кэш на этом компьютере недоступен для записи); она всё равно показывается.</translation>
    </message>
</context>
</TS>
