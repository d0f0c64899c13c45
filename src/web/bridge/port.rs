//! A `MessagePort` the bridge owns: closed when dropped, so no port of a
//! session outlives it. A port either serves something to the child (an
//! `ENDPOINT` or a proxied value) or is a child's callback we call.

use alloc::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, MessagePort};

use super::{comlink, serve, Served, Shared, Target};
use crate::protocol::Request;
use crate::web::listener::EventListener;

/// A port, closed on drop.
pub struct Port {
    port: MessagePort,
    _listener: Option<EventListener>,
}

impl Port {
    /// Serves `served` on `port` to whoever holds its twin.
    pub fn serve(shared: &Rc<Shared>, port: MessagePort, served: Served) -> Port {
        let weak = Rc::downgrade(shared);
        let target = Target::port(&port);
        let listener = EventListener::new(&port, "message", move |event| {
            let Some(shared) = weak.upgrade() else { return };
            // Only registered for "message".
            let data = event.unchecked_ref::<MessageEvent>().data();
            match Request::classify(&data) {
                Ok(request) => serve(&shared, &served, request, target.clone()),
                Err((refusal, Some(id))) => target.throw(&id, &comlink::type_error(refusal.message())),
                Err(_) => {}
            }
        });
        port.start();
        Port { port, _listener: listener }
    }

    /// A child's callback port: we only send on it.
    pub fn hold(port: MessagePort) -> Port {
        Port { port, _listener: None }
    }

    /// The child released the endpoint behind `port`: close it.
    pub fn release(shared: &Shared, port: &MessagePort) {
        let released = shared.ports.try_borrow_mut().ok().and_then(|mut ports| {
            let at = ports.iter().position(|p| js_sys::Object::is(&p.port, port))?;
            Some(ports.swap_remove(at))
        });
        drop(released);
    }
}

impl Drop for Port {
    fn drop(&mut self) {
        self.port.close();
    }
}
