(function () {
  'use strict';
  function reveal(element) {
    for (var node = element; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') {
        node.open = true;
      }
    }
  }
  function flash(element) {
    element.classList.remove('flash');
    void element.offsetWidth;
    element.classList.add('flash');
  }
  function showTarget(id) {
    var target = document.getElementById(id);
    if (target) {
      reveal(target);
      target.scrollIntoView({block: 'center'});
      flash(target);
    }
  }
  function copyCommand(button) {
    var field = document.getElementById(button.getAttribute('data-for'));
    function done(ok) {
      button.textContent = ok ? 'Copied' : 'Press Ctrl+C';
    }
    function bySelection() {
      field.focus();
      field.select();
      try {
        return document.execCommand('copy');
      } catch (e) {
        return false;
      }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { done(true); },
          function () { done(bySelection()); });
    } else {
      done(bySelection());
    }
  }
  function setAll(button, open) {
    var section = button.closest('.dump');
    var all = section.querySelectorAll('details');
    for (var i = 0; i < all.length; i++) {
      all[i].open = open;
    }
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a.ref');
    if (link) {
      event.preventDefault();
      showTarget(link.getAttribute('href').substring(1));
      return;
    }
    var button = event.target.closest('button');
    if (!button) {
      return;
    }
    if (button.classList.contains('copy')) {
      copyCommand(button);
    } else if (button.classList.contains('unfold')) {
      setAll(button, true);
    } else if (button.classList.contains('fold')) {
      setAll(button, false);
    }
  });
  if (location.hash.length > 1) {
    showTarget(decodeURIComponent(location.hash.substring(1)));
  }
})();
