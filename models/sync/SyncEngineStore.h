#pragma once

// The engine's calls into its store thread, for SyncEngine's own source
// files (SyncEngine.cpp: the run; SyncEnginePush.cpp: the outbox;
// SyncEnginePull.cpp: the changes feed). Not for anyone else.

#include "SyncEngine.h"
#include "SyncStore.h"

#include <QLoggingCategory>

#include <exception>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace rd {

// How a run ends when a request fails this way.
SyncResult::Outcome outcomeOf(const ApiError &error);

template<typename F>
auto SyncEngine::onStore(F &&f) -> decltype(f(std::declval<SyncStore &>()))
{
    using R = decltype(f(std::declval<SyncStore &>()));
    std::exception_ptr error;
    if constexpr (std::is_void_v<R>) {
        QMetaObject::invokeMethod(
            m_storeContext,
            [&] {
                try {
                    f(store());
                } catch (...) {
                    error = std::current_exception();
                }
            },
            Qt::BlockingQueuedConnection);
        if (error)
            std::rethrow_exception(error);
    } else {
        std::optional<R> result;
        QMetaObject::invokeMethod(
            m_storeContext,
            [&] {
                try {
                    result.emplace(f(store()));
                } catch (...) {
                    error = std::current_exception();
                }
            },
            Qt::BlockingQueuedConnection);
        if (error)
            std::rethrow_exception(error);
        return std::move(*result);
    }
}

template<typename R, typename F>
void SyncEngine::postToStore(F f, std::function<void(R)> then,
                             std::function<void(std::exception_ptr)> failed)
{
    QMetaObject::invokeMethod(
        m_storeContext,
        [this, f = std::move(f), then = std::move(then), failed = std::move(failed)]() mutable {
            std::exception_ptr error;
            std::optional<R> result;
            try {
                result.emplace(f(store()));
            } catch (...) {
                error = std::current_exception();
            }
            // Queued to the engine's thread; dropped if the engine is gone.
            QMetaObject::invokeMethod(
                this,
                [error, result = std::move(result), then = std::move(then),
                 failed = std::move(failed)]() mutable {
                    if (error)
                        failed(error);
                    else
                        then(std::move(*result));
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace rd
