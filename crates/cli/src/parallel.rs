//! Work over many inputs on every core, with results in input order.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` applied to each item, on up to one thread per core; the results keep the items' order.
/// Threads take the next item as they finish one, so a large file does not hold up the rest.
pub fn map_ordered<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return out;
            };
            out.push((index, f(item)));
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(results) => results,
                // A panic in a worker is a bug: let it go on as the panic it is.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::map_ordered;

    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<u64> = (0..200).collect();
        // Uneven work, so threads finish out of order.
        let out = map_ordered(&items, |&i| {
            (0..(200 - i) * 1000).fold(i, |acc, x| acc ^ x)
                ^ (0..(200 - i) * 1000).fold(0, |acc, x| acc ^ x)
        });
        assert_eq!(out, items);
        assert!(map_ordered(&[] as &[u64], |&i| i).is_empty());
    }
}
