// A hostile page on a third origin: frames the demo, or opens it and
// floods it with forged Link messages.
window.forge = (target, messages) => {
  for (const m of messages) target.postMessage(m, '*');
};
addEventListener('DOMContentLoaded', () => {
  const demo = new URLSearchParams(location.search).get('demo');
  document.getElementById('framed').src = demo;
  document.getElementById('popup').addEventListener('click', () => {
    window.victim = window.open(demo, 'victim');
  });
});
