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
</context>
<context>
    <name>CacheError</name>
    <message>
        <source>The file %1 is not a RegionDesk cache (it is not an SQLite database). Move it away or choose another cache location; RegionDesk will not overwrite it.</source>
        <translation>Файл %1 не является кэшем RegionDesk (это не база данных SQLite). Переместите его или выберите другое место для кэша; RegionDesk не будет его перезаписывать.</translation>
    </message>
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
        <source>RegionDesk: the desk of officials who answer citizens&apos; complaints.

Commands:
  (none)        open the desk window
  demo-cache    fill the local cache with generated demo complaints (Omsk)
  check-cache   check the local cache file for damage
  sync          sign in and synchronise the local cache once (--server, --user;
                the password is read from the terminal, or from the
                REGIONDESK_PASSWORD environment variable)</source>
        <translation>RegionDesk: рабочее место сотрудников, отвечающих на обращения граждан.

Команды:
  (нет)         открыть окно рабочего места
  demo-cache    заполнить локальный кэш демонстрационными обращениями (Омск)
  check-cache   проверить файл локального кэша на повреждения
  sync          войти и один раз синхронизировать локальный кэш (--server, --user;
                пароль читается с терминала или из переменной окружения
                REGIONDESK_PASSWORD)</translation>
    </message>
    <message>
        <source>sync: the server&apos;s address, e.g. https://desk.example.ru</source>
        <translation>sync: адрес сервера, например https://desk.example.ru</translation>
    </message>
    <message>
        <source>url</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>sync: the user name to sign in as.</source>
        <translation>sync: имя пользователя для входа.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>sync: also trust the CA certificate(s) in &lt;file&gt; (PEM).</source>
        <translation>sync: также доверять сертификатам УЦ из &lt;file&gt; (PEM).</translation>
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
</context>
<context>
    <name>rd::CacheWindow</name>
    <message>
        <source>RegionDesk — local cache</source>
        <translation>RegionDesk — локальный кэш</translation>
    </message>
    <message>
        <source>Search by number, text or address (Ctrl+F)</source>
        <translation>Поиск по номеру, тексту или адресу (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <source>last synchronised %1</source>
        <translation>последняя синхронизация %1</translation>
    </message>
    <message>
        <source>never synchronised</source>
        <translation>ещё не синхронизировался</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n complaint(s) in the local cache %2 · %3 · this window works offline; synchronise with &quot;regiondesk sync&quot;</source>
        <translation>
            <numerusform>%1 из %n обращения в локальном кэше %2 · %3 · это окно работает без сети; синхронизация — командой «regiondesk sync»</numerusform>
            <numerusform>%1 из %n обращений в локальном кэше %2 · %3 · это окно работает без сети; синхронизация — командой «regiondesk sync»</numerusform>
            <numerusform>%1 из %n обращений в локальном кэше %2 · %3 · это окно работает без сети; синхронизация — командой «regiondesk sync»</numerusform>
        </translation>
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
    <name>rd::MapWidget</name>
    <message>
        <source>Complaint map</source>
        <translation>Карта обращений</translation>
    </message>
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
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>Map tiles are loading, or none are available offline for this area; the complaints are shown all the same.</source>
        <translation>Тайлы карты загружаются или недоступны без сети для этого района; обращения показаны всё равно.</translation>
    </message>
    <message>
        <source>No map tiles configured; the complaints are shown on a grid.</source>
        <translation>Источник тайлов карты не настроен; обращения показаны на сетке.</translation>
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
        <source>Filed</source>
        <translation>Подано</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Срок ответа</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Голоса</translation>
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
</context>
<context>
    <name>rd::TileSource</name>
    <message>
        <source>© OpenStreetMap contributors</source>
        <translation>© участники OpenStreetMap</translation>
    </message>
    <message>
        <source>The tile server sent something that is not a PNG or JPEG image; those map tiles are not shown.</source>
        <translation>Сервер тайлов прислал данные, которые не являются изображением PNG или JPEG; эти тайлы карты не показываются.</translation>
    </message>
    <message>
        <source>Map tiles cannot be loaded (%1); the map shows what it has.</source>
        <translation>Тайлы карты не загружаются (%1); карта показывает то, что уже есть.</translation>
    </message>
    <message>
        <source>The tile server answered HTTP %1; the map shows what it has.</source>
        <translation>Сервер тайлов ответил HTTP %1; карта показывает то, что уже есть.</translation>
    </message>
    <message>
        <source>The tile cache cannot be written; tiles are shown but not kept.</source>
        <translation>Не удаётся записать кэш тайлов; тайлы показываются, но не сохраняются.</translation>
    </message>
</context>
</TS>
